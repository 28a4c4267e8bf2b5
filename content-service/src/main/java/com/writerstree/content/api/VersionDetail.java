package com.writerstree.content.api;

import com.writerstree.content.persistence.VersionSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A snapshot with its text ({@code GET /projects/{id}/versions/{versionId}}, spec §4.4). */
public record VersionDetail(
        UUID id,
        int versionNumber,
        String content,
        int wordCount,
        Instant createdAt,
        String snapshotType,
        Map<String, Object> metadata) {

    public static VersionDetail of(VersionSnapshot s) {
        return new VersionDetail(
                s.id, s.versionNumber, s.content, s.wordCount, s.createdAt, s.snapshotType, s.metadata);
    }
}
