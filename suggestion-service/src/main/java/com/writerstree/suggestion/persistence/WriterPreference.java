package com.writerstree.suggestion.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A writer's {@code wordSuggestions} preference as identity-service last published it. */
@Entity
@Table(name = "writer_preferences")
public class WriterPreference {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "word_suggestions", nullable = false)
    public boolean wordSuggestions;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
