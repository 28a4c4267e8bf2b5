package com.writerstree.content.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * content-service's own copy of what it needs to know about a project (owner, word goal, status). Filled from
 * project-events; for a project whose ProjectCreated has not arrived yet, fetched once from project-service.
 */
@Entity
@Table(name = "project_replicas")
public class ProjectReplica {

    public static final String ACTIVE = "active";
    public static final String ARCHIVED = "archived";
    public static final String COMPLETED = "completed";

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** Null for a project replicated before titles were (V3); the next ProjectUpdated fills it. */
    @Column(name = "title")
    public String title;

    @Column(name = "word_goal", nullable = false)
    public int wordGoal;

    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isArchived() {
        return ARCHIVED.equals(status);
    }
}
