package com.writerstree.content.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code content_chunks} (V5, issue 12): the current text of each project cut into consecutive pieces, ordered by
 * {@code seq} (gaps between seqs leave room for pieces a split adds), each with its length in UTF-16 code units. A
 * save rewrites only the pieces its edit touches. Plain SQL, no entity; only {@code domain.text.CurrentText} uses it
 * (and {@link ProjectContentRepository#update}, which may write a piece in the content row's statement).
 */
@ApplicationScoped
public class ContentChunkRepository {

    /** A piece's place and length, without its text. */
    public record Entry(long seq, int units) {}

    /** A project's current version (its {@code project_content} row) and its whole text, read together. */
    public record Current(int version, int wordCount, Instant updatedAt, UUID updatedBy, String text) {}

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    /**
     * The project's current version with its whole text, in one statement (so that both are of the same save, however
     * many saves commit meanwhile); empty for a project never saved.
     */
    @SuppressWarnings("unchecked")
    public Optional<Current> current(UUID projectId) {
        List<Object[]> rows =
                em().createNativeQuery("""
                        SELECT c.version, c.word_count, c.updated_at, c.updated_by,
                               coalesce((SELECT string_agg(k.text, '' ORDER BY k.seq) FROM content_chunks k
                                         WHERE k.project_id = c.project_id), '')
                        FROM project_content c WHERE c.project_id = :projectId""").setParameter("projectId", projectId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        UUID updatedBy = r[3] == null ? null : r[3] instanceof UUID id ? id : UUID.fromString(r[3].toString());
        return Optional.of(new Current(
                ((Number) r[0]).intValue(), ((Number) r[1]).intValue(), instant(r[2]), updatedBy, (String) r[4]));
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("updated_at read as " + value.getClass());
    }

    /** The project's whole text, its pieces joined in one statement ("" when it has none). */
    public String whole(UUID projectId) {
        return (String)
                em().createNativeQuery("""
                        SELECT coalesce(string_agg(text, '' ORDER BY seq), '') FROM content_chunks
                        WHERE project_id = :projectId""").setParameter("projectId", projectId).getSingleResult();
    }

    /** The texts of the pieces with {@code fromSeq <= seq <= toSeq}, in order. */
    @SuppressWarnings("unchecked")
    public List<String> texts(UUID projectId, long fromSeq, long toSeq) {
        return em().createNativeQuery("""
                        SELECT text FROM content_chunks
                        WHERE project_id = :projectId AND seq BETWEEN :fromSeq AND :toSeq ORDER BY seq""")
                .setParameter("projectId", projectId)
                .setParameter("fromSeq", fromSeq)
                .setParameter("toSeq", toSeq)
                .getResultList();
    }

    /** A piece to write: a new one at {@code seq}, or the new text of the one there. */
    public record Piece(UUID projectId, long seq, String text) {}

    /** The statement that writes a {@link Piece} (its parameters named {@code piece*}, see {@link #bind}). */
    static final String WRITE_PIECE = """
            INSERT INTO content_chunks (project_id, seq, units, text)
            VALUES (:pieceProject, :pieceSeq, :pieceUnits, :pieceText)
            ON CONFLICT (project_id, seq) DO UPDATE SET units = EXCLUDED.units, text = EXCLUDED.text""";

    /** Writes the piece at {@code seq}: a new one, or the new text of the one there. */
    public void write(UUID projectId, long seq, String text) {
        write(new Piece(projectId, seq, text));
    }

    public void write(Piece piece) {
        bind(em().createNativeQuery(WRITE_PIECE), piece).executeUpdate();
    }

    /** Binds {@code piece} to the parameters of {@link #WRITE_PIECE} in {@code query} (which may hold more). */
    static Query bind(Query query, Piece piece) {
        return query.setParameter("pieceProject", piece.projectId())
                .setParameter("pieceSeq", piece.seq())
                .setParameter("pieceUnits", piece.text().length())
                .setParameter("pieceText", piece.text());
    }

    /** Deletes the pieces with {@code fromSeq <= seq <= toSeq}. */
    public int delete(UUID projectId, long fromSeq, long toSeq) {
        return em().createNativeQuery(
                        "DELETE FROM content_chunks WHERE project_id = :projectId AND seq BETWEEN :fromSeq AND :toSeq")
                .setParameter("projectId", projectId)
                .setParameter("fromSeq", fromSeq)
                .setParameter("toSeq", toSeq)
                .executeUpdate();
    }

    public int deleteByProject(UUID projectId) {
        return em().createNativeQuery("DELETE FROM content_chunks WHERE project_id = :projectId")
                .setParameter("projectId", projectId)
                .executeUpdate();
    }
}
