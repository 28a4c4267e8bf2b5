package com.writerstree.suggestion.domain;

import com.writerstree.suggestion.persistence.WriterPreference;
import com.writerstree.suggestion.persistence.WriterPreferenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The writer's {@code wordSuggestions} preference, learned from identity-service's UserPreferencesChanged (which
 * carries all preferences, defaults included). Off: POST /suggestions answers an empty list and the writer's
 * saves are not analysed; what was learned before stays until the project or account is deleted.
 */
@ApplicationScoped
public class PreferenceService {

    public static final String WORD_SUGGESTIONS = "wordSuggestions";

    private final WriterPreferenceRepository preferences;

    public PreferenceService(WriterPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    /** Applies the event's preferences; a missing or non-boolean {@code wordSuggestions} changes nothing. */
    public void changed(UUID userId, Map<String, Object> all, Instant at) {
        if (all == null || !(all.get(WORD_SUGGESTIONS) instanceof Boolean on)) {
            return;
        }
        WriterPreference p = preferences.findById(userId);
        if (p == null) {
            p = new WriterPreference();
            p.userId = userId;
        } else if (p.updatedAt != null && at != null && p.updatedAt.isAfter(at)) {
            return; // an older event delivered late
        }
        p.wordSuggestions = on;
        p.updatedAt = at != null ? at : Instant.now();
        preferences.persist(p);
    }

    public void forget(UUID userId) {
        preferences.deleteById(userId);
    }
}
