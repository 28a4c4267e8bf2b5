package com.writerstree.content.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code content_revisions} (V2, deltas since V4): for a bounded window, each stored version of a project as a
 * keyframe (the whole text) or a delta against the version before it; the bases of three-way merges and delta
 * saves. Plain SQL, no entity: rows are written once and never changed. Only {@code domain.revision.Revisions}
 * uses it (the one place revisions are written and texts rebuilt).
 */
@ApplicationScoped
public class RevisionRepository {

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public void insertKeyframe(UUID projectId, int version, String content, Instant createdAt) {
        em().createNativeQuery("""
                INSERT INTO content_revisions (project_id, version, content, created_at)
                VALUES (:projectId, :version, :content, :createdAt)""")
                .setParameter("projectId", projectId)
                .setParameter("version", version)
                .setParameter("content", content)
                .setParameter("createdAt", createdAt)
                .executeUpdate();
    }

    /**
     * A delta row to write: the previous version's text with its code units between the first {@code prefix} and
     * the last {@code suffix} replaced by {@code text}.
     */
    public record Delta(
            UUID projectId, int version, int prefix, int suffix, String text, StoredRevision.Chain chain, Instant at) {}

    /** The statement that writes a {@link Delta} (its parameters named {@code revision*}, see {@link #bind}). */
    static final String INSERT_DELTA = """
            INSERT INTO content_revisions
                (project_id, version, delta_prefix, delta_suffix, delta_text, chain_length, chain_chars, created_at)
            VALUES (:revisionProject, :revisionVersion, :revisionPrefix, :revisionSuffix, :revisionText,
                :revisionChainLength, :revisionChainChars, :revisionAt)""";

    public void insertDelta(Delta delta) {
        bind(em().createNativeQuery(INSERT_DELTA), delta).executeUpdate();
    }

    /** Binds {@code delta} to the parameters of {@link #INSERT_DELTA} in {@code query} (which may hold more). */
    static Query bind(Query query, Delta delta) {
        return query.setParameter("revisionProject", delta.projectId())
                .setParameter("revisionVersion", delta.version())
                .setParameter("revisionPrefix", delta.prefix())
                .setParameter("revisionSuffix", delta.suffix())
                .setParameter("revisionText", delta.text())
                .setParameter("revisionChainLength", delta.chain().length())
                .setParameter("revisionChainChars", delta.chain().chars())
                .setParameter("revisionAt", delta.at());
    }

    /** The chain counters of {@code version}'s row (no text read), if it is kept. */
    public Optional<StoredRevision.Chain> chainOf(UUID projectId, int version) {
        List<?> rows = em().createNativeQuery("""
                SELECT chain_length, chain_chars FROM content_revisions
                WHERE project_id = :projectId AND version = :version""")
                .setParameter("projectId", projectId)
                .setParameter("version", version)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new StoredRevision.Chain(((Number) row[0]).intValue(), ((Number) row[1]).intValue()));
    }

    /**
     * The rows that rebuild {@code version}, in one query: the newest keyframe at or below it and every row after
     * that keyframe up to {@code version}, oldest first. Empty when no keyframe is kept at or below it.
     */
    @SuppressWarnings("unchecked")
    public List<StoredRevision> chainTo(UUID projectId, int version) {
        List<Object[]> rows = em().createNativeQuery("""
                SELECT version, content, delta_prefix, delta_suffix, delta_text FROM content_revisions
                WHERE project_id = :projectId AND version <= :version
                  AND version >= (SELECT max(k.version) FROM content_revisions k
                                  WHERE k.project_id = :projectId AND k.version <= :version
                                    AND k.content IS NOT NULL)
                ORDER BY version""")
                .setParameter("projectId", projectId)
                .setParameter("version", version)
                .getResultList();
        return rows.stream()
                .map(r -> new StoredRevision(
                        ((Number) r[0]).intValue(),
                        (String) r[1],
                        r[2] == null ? 0 : ((Number) r[2]).intValue(),
                        r[3] == null ? 0 : ((Number) r[3]).intValue(),
                        (String) r[4]))
                .toList();
    }

    /**
     * Deletes what the window no longer holds, given the newest version, without ever breaking a kept version's
     * chain. A revision is due for deletion when it is not among the newest {@code keepCount} and is older than
     * {@code keepFor} or not among the newest {@code maxCount}; everything up to the newest such revision goes,
     * except from the keyframe the oldest remaining revision is rebuilt from (kept, with the deltas after it).
     */
    public int prune(UUID projectId, int newestVersion, int keepCount, Duration keepFor, int maxCount, Instant now) {
        return em().createNativeQuery("""
                DELETE FROM content_revisions
                WHERE project_id = :projectId
                  AND version < (
                      SELECT max(k.version) FROM content_revisions k
                      WHERE k.project_id = :projectId AND k.content IS NOT NULL
                        AND k.version <= 1 + (
                            SELECT max(d.version) FROM content_revisions d
                            WHERE d.project_id = :projectId
                              AND d.version <= :beyondCount
                              AND (d.created_at < :cutoff OR d.version <= :beyondMax)))""")
                .setParameter("projectId", projectId)
                .setParameter("beyondCount", newestVersion - keepCount)
                .setParameter("cutoff", now.minus(keepFor))
                .setParameter("beyondMax", newestVersion - Math.max(maxCount, keepCount))
                .executeUpdate();
    }

    /**
     * Where the next pruning can start: the oldest keyframe above the project's oldest kept revision (0: none) and
     * the oldest {@code created_at} from the revision just below it on (null with no such keyframe).
     */
    public record Pivot(int version, Instant since) {}

    /** Reads the project's {@link Pivot} (after a pruning; rare: a save does not prune before one may be due). */
    public Pivot pivot(UUID projectId) {
        Object[] r = (Object[])
                em().createNativeQuery("""
                SELECT p.version,
                       (SELECT min(r.created_at) FROM content_revisions r
                        WHERE r.project_id = :projectId AND r.version >= p.version - 1)
                FROM (SELECT min(k.version) AS version FROM content_revisions k
                      WHERE k.project_id = :projectId AND k.content IS NOT NULL
                        AND k.version > (SELECT min(o.version) FROM content_revisions o
                                         WHERE o.project_id = :projectId)) p""").setParameter("projectId", projectId).getSingleResult();
        return r[0] == null
                ? new Pivot(0, null)
                : new Pivot(((Number) r[0]).intValue(), ContentChunkRepository.instant(r[1]));
    }

    /** Versions kept for a project, newest first (the export's {@code recentRevisions}, tests). */
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
