package com.writerstree.suggestion.gdpr;

import com.writerstree.platform.gdpr.UserDataExport;
import com.writerstree.platform.web.ApiResponse;
import com.writerstree.suggestion.domain.lm.ModelCodec;
import com.writerstree.suggestion.domain.lm.NgramCounts;
import com.writerstree.suggestion.persistence.AdaptationRequestRepository;
import com.writerstree.suggestion.persistence.LearnedModel;
import com.writerstree.suggestion.persistence.LearnedModelRepository;
import com.writerstree.suggestion.persistence.WriterPreference;
import com.writerstree.suggestion.persistence.WriterPreferenceRepository;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * suggestion-service's part of a user's data export (docs/CONTRACTS.md, "User data export and purge"): a summary of
 * what was learned, not the raw model (the texts themselves are in content-service's part): per project how many
 * words, distinct words and 4-grams were learned and when, the 50 words the writer uses most across their projects,
 * the projects waiting to be learned, and the wordSuggestions preference. Guarded by the platform's service
 * credential; the gateway does not route it.
 */
@Path("/internal/users/{userId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class UserDataResource {

    static final int TOP_WORDS = 50;

    public record LearnedProject(
            UUID projectId, int contentVersion, int wordsLearned, int distinctWords, int ngrams, Instant learnedAt) {}

    public record WordCount(String word, long count) {}

    public record Preference(boolean wordSuggestions, boolean setByWriter, Instant updatedAt) {}

    private final LearnedModelRepository models;
    private final AdaptationRequestRepository requests;
    private final WriterPreferenceRepository preferences;
    private final String service;

    public UserDataResource(
            LearnedModelRepository models,
            AdaptationRequestRepository requests,
            WriterPreferenceRepository preferences,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.models = models;
        this.requests = requests;
        this.preferences = preferences;
        this.service = service;
    }

    @GET
    @Transactional
    @Operation(summary = "A summary of what suggestion-service learned of a user (service credential required)")
    @APIResponse(
            responseCode = "200",
            description = "data.parts: learnedProjects, topWords (50), pendingProjects, preference")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    public ApiResponse<UserDataExport> export(@PathParam("userId") UUID userId) {
        List<LearnedProject> learned = new ArrayList<>();
        Map<String, Long> frequencies = new HashMap<>();
        for (LearnedModel m : models.find("userId", Sort.ascending("learnedAt").and("projectId"), userId)
                .list()) {
            NgramCounts counts = decode(m);
            learned.add(new LearnedProject(
                    m.projectId,
                    m.contentVersion,
                    m.words,
                    counts.vocabularySize(),
                    counts.distinctNgrams(),
                    m.learnedAt));
            counts.wordFrequencies().forEach((word, n) -> frequencies.merge(word, n, Long::sum));
        }
        List<WordCount> top = frequencies.entrySet().stream()
                .map(e -> new WordCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word))
                .limit(TOP_WORDS)
                .toList();
        WriterPreference p = preferences.findById(userId);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("learnedProjects", learned);
        parts.put("topWords", top);
        parts.put(
                "pendingProjects",
                requests.find("userId", Sort.ascending("projectId"), userId).stream()
                        .map(r -> r.projectId)
                        .toList());
        parts.put(
                "preference",
                p == null ? new Preference(true, false, null) : new Preference(p.wordSuggestions, true, p.updatedAt));
        return ApiResponse.ok(UserDataExport.of(service, userId, parts));
    }

    private static NgramCounts decode(LearnedModel m) {
        try {
            return ModelCodec.read(new ByteArrayInputStream(m.model));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored model of project " + m.projectId + " is unreadable", e);
        }
    }
}
