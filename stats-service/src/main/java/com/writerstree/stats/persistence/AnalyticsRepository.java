package com.writerstree.stats.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /** Analytics outlive the account anonymously (spec: ON DELETE SET NULL). */
    public void forget(UUID userId) {
        sql.update("UPDATE analytics_events SET user_id = NULL WHERE user_id = ?", userId);
    }
}
