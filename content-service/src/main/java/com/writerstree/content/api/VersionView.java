package com.writerstree.content.api;

import com.writerstree.content.persistence.VersionSnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A snapshot in {@code GET /projects/{id}/versions} (spec §4.4), without its text. */
public record VersionView(
        UUID id,
        int versionNumber,
        int wordCount,
        Instant createdAt,
        String snapshotType,
        Map<String, Object> metadata) {

    public static VersionView of(VersionSnapshot s) {
        return new VersionView(s.id, s.versionNumber, s.wordCount, s.createdAt, s.snapshotType, s.metadata);
    }
}
