package com.writerstree.suggestion.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project whose text changed and is to be (re)learned once {@code dueAt} has passed. */
@Entity
@Table(name = "adaptation_requests")
public class AdaptationRequest {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public int attempts;
}
