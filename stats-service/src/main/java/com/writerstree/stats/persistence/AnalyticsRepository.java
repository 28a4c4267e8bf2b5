package com.writerstree.stats.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** analytics_events (spec §2.1): the clients' events and the facts recorded from the services' events. */
@ApplicationScoped
public class AnalyticsRepository {

    private final Sql sql;

    public AnalyticsRepository(Sql sql) {
        this.sql = sql;
    }

    /** A client's event; {@code ipAddress} is already anonymised. */
    public void fromClient(
            UUID userId,
            String type,
            String dataJson,
            String sessionId,
            String ipAddress,
            String userAgent,
            Instant at) {
        sql.update(
                "INSERT INTO analytics_events (user_id, event_type, event_data, session_id, ip_address, user_agent, "
                        + "source, created_at) VALUES (?, ?, CAST(? AS jsonb), ?, CAST(? AS inet), ?, 'client', ?)",
                userId,
                type,
                dataJson,
                sessionId,
                ipAddress,
                userAgent,
                at);
    }

    /** A fact from a service's event, at the time it happened; recorded once per event id. */
    public void fromService(UUID sourceEventId, UUID userId, String type, String dataJson, Instant occurredAt) {
        sql.update(
                "INSERT INTO analytics_events (user_id, event_type, event_data, source, source_event_id, created_at) "
                        + "VALUES (?, ?, CAST(? AS jsonb), 'server', ?, ?) ON CONFLICT (source_event_id) DO NOTHING",
                userId,
                type,
                dataJson,
                sourceEventId,
                occurredAt);
    }

    public int countFromClientSince(UUID userId, Instant since) {
        return sql.one(
                        "SELECT count(*) FROM analytics_events WHERE user_id = ? AND source = 'client' "
                                + "AND created_at >= ?",
                        rs -> rs.getInt(1),
                        userId,
                        since)
                .orElse(0);
    }

    /** Deletes up to {@code limit} events created before {@code cutoff}; returns how many. */
    public int deleteOlderThan(Instant cutoff, int limit) {
        return sql.update(
                "DELETE FROM analytics_events WHERE id IN "
                        + "(SELECT id FROM analytics_events WHERE created_at < ? LIMIT ?)",
                cutoff,
                limit);
    }

    /**
     * Analytics outlive the account anonymously (spec: ON DELETE SET NULL): the user's rows lose the user id, the
     * client's session id (it links the rows to each other) and, in their data, every string that names the user
     * (their id) or looks like an e-mail address ({@link AnalyticsScrubber}). Type, time, source, the anonymised
     * IP prefix and the user agent stay for the aggregate numbers.
     */
    public void forget(UUID userId) {
        List<Object[]> scrubbed = sql
                .list(
                        "SELECT id, event_data::text FROM analytics_events WHERE user_id = ? FOR UPDATE",
                        rs -> new Object[] {rs.getString(2), rs.getObject(1, UUID.class)},
                        userId)
                .stream()
                .map(row -> new Object[] {AnalyticsScrubber.scrub((String) row[0], userId), row[1]})
                .toList();
        sql.batch(
                "UPDATE analytics_events SET user_id = NULL, session_id = NULL, event_data = CAST(? AS jsonb) "
                        + "WHERE id = ?",
                scrubbed);
    }
}
