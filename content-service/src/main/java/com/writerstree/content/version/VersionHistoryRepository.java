package com.writerstree.content.version;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

@ApplicationScoped
public class VersionHistoryRepository implements PanacheRepositoryBase<VersionSnapshot, UUID> {

    private static final Sort NEWEST_FIRST =
            Sort.descending("createdAt").and("versionNumber", Sort.Direction.Descending);

    /** The word count of the project's newest snapshot, if it has one. */
    public OptionalInt latestWordCount(UUID projectId) {
        return find("projectId", NEWEST_FIRST, projectId)
                .firstResultOptional()
                .map(s -> OptionalInt.of(s.wordCount))
                .orElse(OptionalInt.empty());
    }

    /** The project's snapshots, newest first. */
    public List<VersionSnapshot> listNewestFirst(UUID projectId) {
        return list("projectId", NEWEST_FIRST, projectId);
    }

    /**
     * Deletes all but the {@code keep} newest automatic and manual snapshots of a project; milestone snapshots
     * are pinned (never deleted, not counted).
     */
    public int trim(UUID projectId, int keep) {
        flush();
        return getEntityManager()
                .createNativeQuery("""
                DELETE FROM version_history
                WHERE project_id = :projectId AND snapshot_type <> 'milestone'
                  AND id NOT IN (SELECT id FROM version_history
                                 WHERE project_id = :projectId AND snapshot_type <> 'milestone'
                                 ORDER BY created_at DESC, version_number DESC LIMIT :keep)""")
                .setParameter("projectId", projectId)
                .setParameter("keep", keep)
                .executeUpdate();
    }

    public long deleteByProject(UUID projectId) {
        return delete("projectId", projectId);
    }
}
