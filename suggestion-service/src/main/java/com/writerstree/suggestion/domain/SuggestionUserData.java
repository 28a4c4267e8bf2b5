package com.writerstree.suggestion.domain;

import com.writerstree.platform.messaging.userdata.UserDataOwner;
import com.writerstree.suggestion.domain.lm.ModelCodec;
import com.writerstree.suggestion.domain.lm.NgramCounts;
import com.writerstree.suggestion.persistence.AdaptationRequestRepository;
import com.writerstree.suggestion.persistence.LearnedModel;
import com.writerstree.suggestion.persistence.LearnedModelRepository;
import com.writerstree.suggestion.persistence.WriterPreference;
import com.writerstree.suggestion.persistence.WriterPreferenceRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

/**
 * What suggestion-service holds of a user, for the shared user-data plumbing (platform-messaging
 * {@link UserDataOwner}). The export part (GET /internal/users/{userId}/export) is a summary of what was learned, not
 * the raw model (the texts themselves are in content-service's part): per project how many words, distinct words and
 * 4-grams were learned and when, the 50 words the writer uses most across their projects, the projects waiting to be
 * learned, and the wordSuggestions preference. The purge (UserPurged) deletes what was learned with the preference
 * and remembers the account as forgotten (a digest, not the id), in the transaction that records the purge receipt.
 */
@ApplicationScoped
public class SuggestionUserData implements UserDataOwner {

    static final int TOP_WORDS = 50;

    public record LearnedProject(
            UUID projectId, int contentVersion, int wordsLearned, int distinctWords, int ngrams, Instant learnedAt) {}

    public record WordCount(String word, long count) {}

    public record Preference(boolean wordSuggestions, boolean setByWriter, Instant updatedAt) {}

    private final LearnedModelRepository models;
    private final AdaptationRequestRepository requests;
    private final WriterPreferenceRepository preferences;
    private final AdaptationService adaptation;
    private final PreferenceService preferenceService;

    public SuggestionUserData(
            LearnedModelRepository models,
            AdaptationRequestRepository requests,
            WriterPreferenceRepository preferences,
            AdaptationService adaptation,
            PreferenceService preferenceService) {
        this.models = models;
        this.requests = requests;
        this.preferences = preferences;
        this.adaptation = adaptation;
        this.preferenceService = preferenceService;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(UUID userId) {
        adaptation.forgetUser(userId, true);
        preferenceService.forget(userId);
    }

    /** data.parts: learnedProjects, topWords (50), pendingProjects, preference. */
    @Override
    @Transactional
    public Map<String, Object> export(UUID userId) {
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
        return parts;
    }

    private static NgramCounts decode(LearnedModel m) {
        try {
            return ModelCodec.read(new ByteArrayInputStream(m.model));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored model of project " + m.projectId + " is unreadable", e);
        }
    }
}
