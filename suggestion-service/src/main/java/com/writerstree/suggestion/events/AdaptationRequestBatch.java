package com.writerstree.suggestion.events;

import com.writerstree.suggestion.config.SuggestionConfig;
import com.writerstree.suggestion.persistence.ForgottenSubject;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The adaptation requests of a batch of content events, as one multi-row upsert in the consumer's transaction. It
 * applies, per project, the rules of {@code AdaptationService.textChanged} in SQL: nothing for a forgotten project or
 * user ({@code forgotten_subjects}, by digest), nothing for a writer who switched suggestions off (no preference row =
 * on), nothing when the stored model already reflects that version; otherwise the request is due now, or once
 * {@code min-interval} has passed since the model was last learned, and an existing request keeps its due time and
 * takes the newer version. The stored model is joined for its version and time only: its bytes are never read (the
 * per-event path loaded the whole model, up to megabytes, for every save).
 */
@ApplicationScoped
class AdaptationRequestBatch {

    /** A project's newest version in the batch, with the writer it belongs to. */
    record Saved(UUID projectId, UUID userId, int version) {}

    private final AgroalDataSource dataSource;
    private final SuggestionConfig config;

    AdaptationRequestBatch(AgroalDataSource dataSource, SuggestionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Requests the projects' newest versions (several saves of one project in {@code saved}: the newest counts).
     * Returns the versions now requested per project (the requests this batch inserted or moved).
     */
    Map<UUID, Integer> request(Collection<Saved> saved) {
        Map<UUID, Saved> newest = new LinkedHashMap<>();
        for (Saved s : saved) {
            newest.merge(s.projectId(), s, (kept, other) -> other.version() > kept.version() ? other : kept);
        }
        Map<UUID, Integer> requested = new LinkedHashMap<>();
        if (newest.isEmpty()) {
            return requested;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO adaptation_requests (project_id, user_id, content_version, due_at)
                        SELECT v.project_id, v.user_id, v.version,
                               GREATEST(now(), COALESCE(m.learned_at + make_interval(secs => ?), now()))
                        FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::uuid[], ?::uuid[])
                             AS v(project_id, user_id, version, project_digest, user_digest)
                        LEFT JOIN writer_models m ON m.project_id = v.project_id
                        LEFT JOIN writer_preferences p ON p.user_id = v.user_id
                        WHERE (m.project_id IS NULL OR m.content_version < v.version)
                          AND (p.user_id IS NULL OR p.word_suggestions)
                          AND NOT EXISTS (SELECT 1 FROM forgotten_subjects f
                                          WHERE f.subject_id IN (v.project_digest, v.user_digest))
                        ORDER BY v.project_id
                        ON CONFLICT (project_id) DO UPDATE SET content_version =
                            GREATEST(adaptation_requests.content_version, EXCLUDED.content_version)
                        RETURNING project_id, content_version""")) {
            ps.setDouble(1, config.adaptation().minInterval().toMillis() / 1000.0);
            ps.setArray(2, c.createArrayOf("text", texts(newest.keySet())));
            ps.setArray(
                    3,
                    c.createArrayOf(
                            "text",
                            texts(newest.values().stream().map(Saved::userId).toList())));
            ps.setArray(
                    4,
                    c.createArrayOf(
                            "int4", newest.values().stream().map(Saved::version).toArray()));
            ps.setArray(
                    5,
                    c.createArrayOf(
                            "text",
                            texts(newest.keySet().stream()
                                    .map(ForgottenSubject::digest)
                                    .toList())));
            ps.setArray(
                    6,
                    c.createArrayOf(
                            "text",
                            texts(newest.values().stream()
                                    .map(s -> ForgottenSubject.digest(s.userId()))
                                    .toList())));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    requested.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
            return requested;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording adaptation requests failed", e);
        }
    }

    private static Object[] texts(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray();
    }
}
