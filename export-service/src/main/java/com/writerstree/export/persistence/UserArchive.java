package com.writerstree.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One data export of a user (table {@code user_archives}): {@code processing}, then {@code ready} (the ZIP is at
 * {@code objectKey}) or {@code failed} ({@code failure} says which part was missing), {@code expired} after 7 days.
 * {@code reason}: {@code request} (GET /users/me/export; mailed when ready) or {@code deletion} (identity mails it).
 */
@Entity
@Table(name = "user_archives")
public class UserArchive extends PanacheEntityBase {

    public static final String PROCESSING = "processing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";
    public static final String REQUEST = "request";
    public static final String DELETION = "deletion";

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String status;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "file_size")
    public Long fileSize;

    public String failure;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
