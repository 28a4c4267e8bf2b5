package com.writerstree.content.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The current version of a project's text: one row per project, updated on every save. The text itself is in
 * {@code content_chunks} (read and written by {@code domain.text.CurrentText}).
 */
@Entity
@Table(name = "project_content")
public class ProjectContent {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    /** The text's size in UTF-8 bytes (the save limit). */
    @Column(name = "content_bytes", nullable = false)
    public long contentBytes;

    @Column(nullable = false)
    public int version;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;
}
