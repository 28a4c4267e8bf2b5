package com.writerstree.content.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored copy of a project's text at one version ({@code version_history}). */
@Entity
@Table(name = "version_history")
public class VersionSnapshot {

    public static final String AUTO = "auto";
    public static final String MILESTONE = "milestone";
    public static final String MANUAL = "manual";

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String content;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "snapshot_type", nullable = false)
    public String snapshotType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> metadata;

    public static VersionSnapshot of(
            UUID projectId,
            String content,
            int wordCount,
            int versionNumber,
            Instant createdAt,
            String snapshotType,
            Map<String, Object> metadata) {
        VersionSnapshot s = new VersionSnapshot();
        s.id = UUID.randomUUID();
        s.projectId = projectId;
        s.content = content;
        s.wordCount = wordCount;
        s.versionNumber = versionNumber;
        s.createdAt = createdAt;
        s.snapshotType = snapshotType;
        s.metadata = metadata;
        return s;
    }
}
