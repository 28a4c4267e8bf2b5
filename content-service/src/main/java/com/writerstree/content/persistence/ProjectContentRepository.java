package com.writerstree.content.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * {@code project_content}: the entity for reads and deletes elsewhere; a save reads and writes its row with plain SQL
 * ({@link #lockAndHead}, {@link #insert}, {@link #update}): no entity in the session, so no dirty check on the hot path.
 */
@ApplicationScoped
public class ProjectContentRepository implements PanacheRepositoryBase<ProjectContent, UUID> {

    /**
     * What a save knows about its project's revision window and snapshots without reading them (V6); each field null
     * when not known. {@code chain}: the current version's revision's counters; {@code pivot}: the oldest keyframe
     * above the oldest kept revision (0: none); {@code pivotSince}: no kept revision from {@code pivot - 1} on is
     * older; {@code snapshotWordCount}: the newest snapshot's word count (0: none).
     */
    public record Facts(StoredRevision.Chain chain, Integer pivot, Instant pivotSince, Integer snapshotWordCount) {
        public static final Facts UNKNOWN = new Facts(null, null, null, null);
    }

    /** The project's content row (null: never saved) and its pieces' directory, as one statement read them. */
    public record Head(Row row, List<ContentChunkRepository.Entry> directory) {}

    /** A project's content row; {@code facts} are {@link Facts#UNKNOWN} unless recorded for this very version. */
    public record Row(int version, int wordCount, long contentBytes, Instant updatedAt, Facts facts) {}

    /** A save's start: the project's replica row, locked until the transaction ends, and the head read after it. */
    public record Locked(ProjectReplica project, Head head) {}

    /**
     * Locks the project's replica row until the transaction ends (saves and restores of one project run one at a
     * time), then reads its content row and the places and lengths of its text's pieces (an index-only read of the
     * pieces' primary key, no text): both in one round trip ({@code lock_save_head}, V7, reads after the lock is
     * held). Empty for a project not replicated here. The replica comes back as a plain object, not an entity
     * of the session (nothing to flush or check at commit).
     */
    @SuppressWarnings("unchecked")
    public Optional<Locked> lockAndHead(UUID projectId) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM lock_save_head(:projectId)")
                .setParameter("projectId", projectId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        ProjectReplica project = new ProjectReplica();
        project.projectId = projectId;
        project.userId = r[0] instanceof UUID id ? id : UUID.fromString(r[0].toString());
        project.title = (String) r[1];
        project.wordGoal = ((Number) r[2]).intValue();
        project.status = (String) r[3];
        project.updatedAt = ContentChunkRepository.instant(r[4]);
        return Optional.of(new Locked(project, head(r)));
    }

    /** The head from the columns of {@code lock_save_head} that follow the replica's ({@code row[5]} on). */
    private static Head head(Object[] row) {
        Object[] r = Arrays.copyOfRange(row, 5, row.length);
        List<ContentChunkRepository.Entry> directory = directory((String) r[10]);
        if (r[0] == null) {
            return new Head(null, directory);
        }
        int version = ((Number) r[0]).intValue();
        boolean known = r[4] != null && ((Number) r[4]).intValue() == version;
        Facts facts = known
                ? new Facts(
                        r[5] == null || r[6] == null
                                ? null
                                : new StoredRevision.Chain(((Number) r[5]).intValue(), ((Number) r[6]).intValue()),
                        r[7] == null ? null : ((Number) r[7]).intValue(),
                        r[8] == null ? null : ContentChunkRepository.instant(r[8]),
                        r[9] == null ? null : ((Number) r[9]).intValue())
                : Facts.UNKNOWN;
        return new Head(
                new Row(
                        version,
                        ((Number) r[1]).intValue(),
                        ((Number) r[2]).longValue(),
                        ContentChunkRepository.instant(r[3]),
                        facts),
                directory);
    }

    private static List<ContentChunkRepository.Entry> directory(String pieces) {
        if (pieces == null) {
            return List.of();
        }
        List<ContentChunkRepository.Entry> entries = new ArrayList<>();
        int start = 0;
        while (start < pieces.length()) {
            int colon = pieces.indexOf(':', start);
            int comma = pieces.indexOf(',', colon);
            int end = comma < 0 ? pieces.length() : comma;
            entries.add(new ContentChunkRepository.Entry(
                    Long.parseLong(pieces, start, colon, 10), Integer.parseInt(pieces, colon + 1, end, 10)));
            start = end + 1;
        }
        return entries;
    }

    /** The first version of a project's text. */
    public void insert(UUID projectId, int version, int wordCount, long bytes, Instant at, UUID by, Facts facts) {
        bound("""
                INSERT INTO project_content (project_id, version, word_count, content_bytes, updated_at, updated_by,
                    facts_version, revision_chain_length, revision_chain_chars, revisions_pivot, revisions_pivot_since,
                    snapshot_word_count)
                VALUES (:projectId, :version, :wordCount, :bytes, :at, :by,
                    :version, :chainLength, :chainChars, :pivot, :pivotSince, :snapshotWords)""", projectId, version, wordCount, bytes, at, by, facts).executeUpdate();
    }

    /**
     * A new version of a project's text (its row exists: the save read it under the project's lock); with
     * {@code revision} (null: none) that version's delta row and with {@code piece} (null: none) a piece of its
     * text too, in the same statement (data-modifying WITH clauses: different tables, so none sees another's row).
     */
    public void update(
            UUID projectId,
            int version,
            int wordCount,
            long bytes,
            Instant at,
            UUID by,
            Facts facts,
            RevisionRepository.Delta revision,
            ContentChunkRepository.Piece piece) {
        String sql = """
                UPDATE project_content SET version = :version, word_count = :wordCount, content_bytes = :bytes,
                    updated_at = :at, updated_by = :by, facts_version = :version,
                    revision_chain_length = :chainLength, revision_chain_chars = :chainChars, revisions_pivot = :pivot,
                    revisions_pivot_since = :pivotSince, snapshot_word_count = :snapshotWords
                WHERE project_id = :projectId""";
        List<String> with = new ArrayList<>(2);
        if (revision != null) {
            with.add("revision AS (" + RevisionRepository.INSERT_DELTA + ")");
        }
        if (piece != null) {
            with.add("piece AS (" + ContentChunkRepository.WRITE_PIECE + ")");
        }
        if (!with.isEmpty()) {
            sql = "WITH " + String.join(",\n", with) + "\n" + sql;
        }
        Query query = bound(sql, projectId, version, wordCount, bytes, at, by, facts);
        if (revision != null) {
            RevisionRepository.bind(query, revision);
        }
        if (piece != null) {
            ContentChunkRepository.bind(query, piece);
        }
        int rows = query.executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("project " + projectId + ": its content row is gone");
        }
    }

    /** {@code sql} with the content row's parameters bound. */
    private Query bound(
            String sql, UUID projectId, int version, int wordCount, long bytes, Instant at, UUID by, Facts facts) {
        StoredRevision.Chain chain = facts.chain();
        return getEntityManager()
                .createNativeQuery(sql)
                .unwrap(NativeQuery.class)
                .setParameter("projectId", projectId)
                .setParameter("version", version)
                .setParameter("wordCount", wordCount)
                .setParameter("bytes", bytes)
                .setParameter("at", at, Instant.class)
                .setParameter("by", by, UUID.class)
                .setParameter("chainLength", chain == null ? null : chain.length(), Integer.class)
                .setParameter("chainChars", chain == null ? null : chain.chars(), Integer.class)
                .setParameter("pivot", facts.pivot(), Integer.class)
                .setParameter("pivotSince", facts.pivotSince(), Instant.class)
                .setParameter("snapshotWords", facts.snapshotWordCount(), Integer.class);
    }

    /**
     * The newest snapshot's word count is not known any more (a snapshot was taken outside a save): the next save
     * asks for it.
     */
    public void forgetSnapshotWordCount(UUID projectId) {
        getEntityManager()
                .createNativeQuery(
                        "UPDATE project_content SET snapshot_word_count = NULL WHERE project_id = :projectId")
                .setParameter("projectId", projectId)
                .executeUpdate();
    }
}
