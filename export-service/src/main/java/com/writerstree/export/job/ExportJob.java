package com.writerstree.export.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One requested export; its file lives in S3 under {@code objectKey}. */
@Entity
@Table(name = "export_jobs")
public class ExportJob extends PanacheEntityBase {

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

    @Column(nullable = false)
    public String status;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_size")
    public Long fileSize;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
