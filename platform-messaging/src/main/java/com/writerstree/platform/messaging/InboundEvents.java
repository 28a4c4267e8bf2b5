package com.writerstree.platform.messaging;

import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: applies an event at most once per consumer. The event id is recorded in
 * {@code processed_events} in the same transaction as the effect, so a redelivered event (after a crash,
 * a rebalance or an outbox resend) is recognised and skipped. Events of unknown types are ignored.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MessagingConfig config;

    /** Decodes {@code json} and, unless {@code consumer} already applied it, runs {@code effect} in a new transaction. */
    public void apply(String consumer, String json, Consumer<IntegrationEvent> effect) {
        Optional<IntegrationEvent> decoded = EventCodec.decode(json);
        if (decoded.isEmpty()) {
            return;
        }
        IntegrationEvent event = decoded.get();
        QuarkusTransaction.requiringNew().run(() -> {
            if (firstDelivery(consumer, event)) {
                effect.accept(event);
            } else {
                LOG.debugf("%s skipped redelivered event %s", consumer, event.eventId());
            }
        });
    }

    /**
     * A batch in one transaction (one commit for many events): decodes {@code jsons}, records every event id as
     * {@link #apply} does and runs {@code effect} once with the events this consumer had not applied before, in
     * their order (an id twice in the batch counts once). When anything fails the whole transaction rolls back and
     * the exception propagates: nothing of the batch was applied, and the caller can apply the events one by one
     * to isolate a poison event (and send it to its dead-letter handling).
     */
    public void applyAll(String consumer, List<String> jsons, Consumer<List<IntegrationEvent>> effect) {
        List<IntegrationEvent> events = new ArrayList<>(jsons.size());
        for (String json : jsons) {
            EventCodec.decode(json).ifPresent(events::add);
        }
        if (events.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<IntegrationEvent> fresh = new ArrayList<>(events.size());
            for (IntegrationEvent event : events) {
                if (firstDelivery(consumer, event)) {
                    fresh.add(event);
                }
            }
            if (fresh.size() < events.size()) {
                LOG.debugf("%s skipped %d redelivered events", consumer, events.size() - fresh.size());
            }
            effect.accept(fresh);
        });
    }

    private boolean firstDelivery(String consumer, IntegrationEvent event) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO processed_events (event_id, consumer) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, event.eventId());
            ps.setString(2, consumer);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording processed event failed", e);
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purge() {
        Jdbc.update(
                dataSource,
                "DELETE FROM processed_events WHERE processed_at < now() - make_interval(secs => ?)",
                config.inbox().retention().toSeconds());
    }
}
