package com.writerstree.content.persistence;

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

    /**
     * The word count of the project's newest snapshot, if it has one. Asked on every save past the first thousand
     * words: only the number is read (loading the entity read the snapshot's whole text and kept it in the session
     * for the flush's dirty check).
     */
    public OptionalInt latestWordCount(UUID projectId) {
        List<Integer> newest = getEntityManager()
                .createQuery(
                        "SELECT s.wordCount FROM VersionSnapshot s WHERE s.projectId = :projectId"
                                + " ORDER BY s.createdAt DESC, s.versionNumber DESC",
                        Integer.class)
                .setParameter("projectId", projectId)
                .setMaxResults(1)
                .getResultList();
        return newest.isEmpty() ? OptionalInt.empty() : OptionalInt.of(newest.get(0));
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
