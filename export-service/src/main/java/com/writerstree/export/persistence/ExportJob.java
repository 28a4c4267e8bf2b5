package com.writerstree.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One export: who asked, for which project, what (kind {@code content|tree}, format, style), and where its
 * file lives in S3 ({@code objectKey}, null once the file expired or before it exists). Status:
 * {@code processing} (a background job), {@code completed}, {@code failed}, {@code expired}.
 */
@Entity
@Table(name = "export_jobs")
public class ExportJob extends PanacheEntityBase {

    public static final String CONTENT = "content";
    public static final String TREE = "tree";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String format;

    public String style;

    @Column(nullable = false)
    public String status;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "file_size")
    public Long fileSize;

    @Column(name = "word_count")
    public Integer wordCount;

    public Integer width;

    public Integer height;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
