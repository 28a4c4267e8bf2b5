package com.writerstree.content.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The current text of a project: one row per project, replaced on every save. */
@Entity
@Table(name = "project_content")
public class ProjectContent {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Column(nullable = false)
    public String content;

    @Column(nullable = false)
    public int version;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;
}
