package com.writerstree.export.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.writerstree.export.persistence.UserArchive;
import java.time.Instant;
import java.util.UUID;

/** A data export job as its status route shows it; {@code downloadUrl} only when ready. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArchiveView(
        UUID jobId,
        String status,
        String statusUrl,
        Instant createdAt,
        Instant completedAt,
        Instant expiresAt,
        Long fileSize,
        String failure,
        String downloadUrl) {

    static ArchiveView of(UserArchive archive, String downloadUrl) {
        return new ArchiveView(
                archive.id,
                archive.status,
                "/users/me/export/" + archive.id,
                archive.createdAt,
                archive.completedAt,
                archive.expiresAt,
                archive.fileSize,
                archive.failure,
                downloadUrl);
    }
}
