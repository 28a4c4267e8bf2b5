package com.writerstree.suggestion.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What was learned from one writer's project: the compact 4-gram counts of its text at one content version. */
@Entity
@Table(name = "writer_models")
public class LearnedModel {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    @Column(nullable = false)
    public int words;

    @Column(nullable = false)
    public byte[] model;

    @Column(name = "learned_at", nullable = false)
    public Instant learnedAt;

    /** The project's writer weight estimated on its text (WriterWeight); null: the configured one. */
    @Column(name = "writer_weight")
    public Double writerWeight;
}
