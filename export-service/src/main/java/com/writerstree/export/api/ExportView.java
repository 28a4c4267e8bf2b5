package com.writerstree.export.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.writerstree.export.persistence.ExportJob;
import java.time.Instant;
import java.util.UUID;

/** One export record as {@code GET /exports} and {@code GET /exports/{id}} show it, with a fresh link. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportView(
        UUID id,
        UUID projectId,
        String kind,
        String format,
        String style,
        String status,
        String fileName,
        Long fileSize,
        Integer wordCount,
        Integer width,
        Integer height,
        Instant createdAt,
        Instant expiresAt,
        String downloadUrl) {

    static ExportView of(ExportJob job, String downloadUrl) {
        return new ExportView(
                job.id,
                job.projectId,
                job.kind,
                job.format,
                job.style,
                job.status,
                job.fileName,
                job.fileSize,
                job.wordCount,
                job.width,
                job.height,
                job.createdAt,
                job.expiresAt,
                downloadUrl);
    }
}
