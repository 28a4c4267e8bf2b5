package com.writerstree.platform.messaging;

import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends events to the outbox table inside the caller's transaction: the event exists if and only if the
 * change it describes was committed. {@link OutboxRelay} sends it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MessagingConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(IntegrationEvent event) {
        // the connection of the current transaction: the insert commits or rolls back with the caller's change
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO outbox_events (event_id, event_type, topic, event_key, payload, traceparent, user_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, event.eventId());
            ps.setString(2, event.type());
            ps.setString(3, config.topicPrefix().orElse("") + event.topic());
            ps.setString(4, event.key());
            ps.setString(5, EventCodec.encode(event));
            ps.setString(6, traceparent());
            ps.setString(7, event.userId() == null ? null : event.userId().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox append failed for " + event.type(), e);
        }
        wakeRelayAfterCommit();
    }

    /** Forgets the events of this type that were already sent (e.g. UserPurged, which names the purged user). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erasePublished(Class<? extends IntegrationEvent> type) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM outbox_events WHERE published_at IS NOT NULL AND event_type = ?")) {
            ps.setString(1, type.getSimpleName());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox erase failed", e);
        }
    }

    /**
     * The W3C traceparent of the current span (the request that changed the data), or null outside a trace: the
     * relay sends it as a record header, and the consumers' spans become children of the request's.
     */
    static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /**
     * Once per transaction: when it commits, the relay sends its events right away (the relay's prompt path; its sweep
     * is only a safety net).
     */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(Outbox.class) != null) {
            return;
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
