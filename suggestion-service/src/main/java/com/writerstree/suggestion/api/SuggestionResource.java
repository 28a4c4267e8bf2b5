package com.writerstree.suggestion.api;

import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.ApiResponse;
import com.writerstree.suggestion.domain.SuggestionService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Word suggestions (spec §4.7). */
@Path("/suggestions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suggestions", description = "Next-word suggestions and completions, adapted to the writer's own text")
public class SuggestionResource {

    static final String DISABLED = "Word suggestions are turned off in your preferences.";

    private final SuggestionService suggestions;
    private final Caller caller;

    public SuggestionResource(SuggestionService suggestions, Caller caller) {
        this.suggestions = suggestions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Suggest the next word, or complete the word being typed",
            description = "context: the text before the cursor (only its last 1000 characters are read, so a long"
                    + " context costs no more). When it ends inside a word, the suggestions complete that word."
                    + " Capitalised at the start of a sentence; never punctuation. limit 1-10 (default 3)."
                    + " projectId (optional): mix in what was learned from that project of the caller (default: the"
                    + " caller's most recently learned project). With the preference wordSuggestions off: an empty"
                    + " list and a message. confidence: the word's share of the probability of the candidates"
                    + " considered (0-1).")
    @APIResponse(responseCode = "200", description = "data.suggestions: [{word, confidence}], best first")
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_ERROR: context missing, blank or not text; limit not an integer in 1-10;"
                    + " projectId not a UUID; malformed JSON")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED / INVALID_TOKEN")
    public ApiResponse<SuggestionsView> suggest(@Valid @NotNull(message = "is required") SuggestionRequest body) {
        SuggestionService.Result result =
                suggestions.suggest(caller.userId(), body.context(), body.limitOrDefault(), body.projectId());
        SuggestionsView view = new SuggestionsView(result.suggestions());
        return result.enabled() ? ApiResponse.ok(view) : ApiResponse.ok(DISABLED, view);
    }
}
