package com.writerstree.project.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A version of a project's content as content-service announced it (ContentSaved, VersionRestored): what the
 * word-count projection needs of it.
 */
public record ContentVersion(UUID projectId, int version, int wordCount, Instant savedAt) {

    /**
     * The newest version of each project among {@code versions}, in the order the projects first appear: only it
     * can move the projection (an older one never overwrites a newer one), so a batch of saves of one project is
     * one change. Of two announcements of the same version (a duplicate), the first is kept.
     */
    public static List<ContentVersion> newestPerProject(Collection<ContentVersion> versions) {
        Map<UUID, ContentVersion> newest = new LinkedHashMap<>();
        for (ContentVersion v : versions) {
            newest.merge(v.projectId(), v, (kept, other) -> other.version() > kept.version() ? other : kept);
        }
        return List.copyOf(newest.values());
    }
}
