package com.writerstree.suggestion.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class WriterPreferenceRepository implements PanacheRepositoryBase<WriterPreference, UUID> {

    /** No row means suggestions are on (identity's default). */
    public boolean suggestionsOn(UUID userId) {
        WriterPreference p = findById(userId);
        return p == null || p.wordSuggestions;
    }
}
