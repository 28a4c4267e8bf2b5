package com.writerstree.content.api;

import com.writerstree.content.domain.ReadContent;
import com.writerstree.content.domain.SaveContent;
import com.writerstree.platform.web.ApiResponse;
import com.writerstree.platform.web.SuiteHeaders;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's manuscript (spec §4.4): auto-save and read. */
@Path("/projects/{projectId}/content")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Content", description = "Manuscript text, auto-save, milestones")
public class ContentResource {

    private final SaveContent saves;
    private final ReadContent reads;

    public ContentResource(SaveContent saves, ReadContent reads) {
        this.saves = saves;
        this.reads = reads;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Save the project's text (auto-save)",
            description = "Stores the text as the next version. The body carries either 'content' (the full text) or"
                    + " 'patch' (retain/delete/insert operations in UTF-16 code units against the text of 'version')."
                    + " The server counts the words; the client's wordCount is a hint. With a base 'version' that is"
                    + " no longer current the save is three-way merged with the server's text when the edits do not"
                    + " overlap (answer merged: true and the merged content), else refused with VERSION_CONFLICT and"
                    + " the server's text. Identical text creates no version.")
    @APIResponse(
            responseCode = "200",
            description =
                    "Saved (or unchanged); data: version, wordCount, savedAt, milestoneReached, merged, content (only when merged)")
    @APIResponse(
            responseCode = "400",
            description =
                    "VALIDATION_ERROR: malformed body, neither or both of content and patch, patch without version, patch that does not apply")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED / INVALID_TOKEN")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project")
    @APIResponse(
            responseCode = "409",
            description = "VERSION_CONFLICT (details: serverVersion, clientVersion, serverContent) or PROJECT_ARCHIVED")
    @APIResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: content above the size limit")
    @APIResponse(
            responseCode = "503",
            description = "EXTERNAL_SERVICE_ERROR: project unknown here and project-service unreachable")
    public ApiResponse<SaveResult> save(
            @PathParam("projectId") UUID projectId,
            @Valid @NotNull(message = "is required") SaveContentRequest body,
            @HeaderParam(SuiteHeaders.SYNC_ORIGIN) @Size(max = 200) String origin) {
        return ApiResponse.ok("Content saved successfully.", saves.save(projectId, body, origin));
    }

    @GET
    @Operation(summary = "Read the project's current text and milestones")
    @APIResponse(
            responseCode = "200",
            description = "data: content {text, version, wordCount, lastSavedAt}, milestones")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project")
    @APIResponse(
            responseCode = "503",
            description = "EXTERNAL_SERVICE_ERROR: project unknown here and project-service unreachable")
    public ApiResponse<ContentView> read(@PathParam("projectId") UUID projectId) {
        return ApiResponse.ok(reads.read(projectId));
    }
}
