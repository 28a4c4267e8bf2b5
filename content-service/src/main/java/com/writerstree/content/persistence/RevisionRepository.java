package com.writerstree.content.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code content_revisions}: the text of each stored version of a project for a bounded window, the bases of
 * three-way merges and delta saves. Plain SQL, no entity: rows are written once and never changed.
 */
@ApplicationScoped
public class RevisionRepository {

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public void insert(UUID projectId, int version, String content, Instant createdAt) {
        em().createNativeQuery("""
                INSERT INTO content_revisions (project_id, version, content, created_at)
                VALUES (:projectId, :version, :content, :createdAt)""")
                .setParameter("projectId", projectId)
                .setParameter("version", version)
                .setParameter("content", content)
                .setParameter("createdAt", createdAt)
                .executeUpdate();
    }

    /** The text of {@code version}, if still kept; version 0 (never saved) is the empty text. */
    public Optional<String> text(UUID projectId, int version) {
        if (version == 0) {
            return Optional.of("");
        }
        List<?> rows = em().createNativeQuery(
                        "SELECT content FROM content_revisions WHERE project_id = :projectId AND version = :version")
                .setParameter("projectId", projectId)
                .setParameter("version", version)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /**
     * Deletes what the window no longer holds, given the newest version: a revision is kept while it is among
     * the newest {@code keepCount}, or younger than {@code keepFor} and among the newest {@code maxCount}.
     */
    public int prune(UUID projectId, int newestVersion, int keepCount, Duration keepFor, int maxCount, Instant now) {
        return em().createNativeQuery("""
                DELETE FROM content_revisions
                WHERE project_id = :projectId
                  AND version <= :beyondCount
                  AND (created_at < :cutoff OR version <= :beyondMax)""")
                .setParameter("projectId", projectId)
                .setParameter("beyondCount", newestVersion - keepCount)
                .setParameter("cutoff", now.minus(keepFor))
                .setParameter("beyondMax", newestVersion - Math.max(maxCount, keepCount))
                .executeUpdate();
    }

    /** Versions kept for a project, newest first (tests, diagnostics). */
    @SuppressWarnings("unchecked")
    public List<Integer> versions(UUID projectId) {
        return ((List<Number>) em().createNativeQuery(
                                "SELECT version FROM content_revisions WHERE project_id = :projectId ORDER BY version DESC")
                        .setParameter("projectId", projectId)
                        .getResultList())
                .stream().map(Number::intValue).toList();
    }

    public int deleteByProject(UUID projectId) {
        return em().createNativeQuery("DELETE FROM content_revisions WHERE project_id = :projectId")
                .setParameter("projectId", projectId)
                .executeUpdate();
    }
}
