package com.writerstree.platform.messaging;

import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
            if (firstDeliveries(consumer, List.of(event)).isEmpty()) {
                LOG.debugf("%s skipped redelivered event %s", consumer, event.eventId());
            } else {
                effect.accept(event);
            }
        });
    }

    /**
     * A batch in one transaction (one commit for many events): decodes {@code jsons}, records every event id as
     * {@link #apply} does (one multi-row insert for the whole batch) and runs {@code effect} once with the events
     * this consumer had not applied before, in their order (an id twice in the batch counts once). When anything
     * fails the whole transaction rolls back and the exception propagates: nothing of the batch was applied, and the
     * caller can apply the events one by one to isolate a poison event ({@link #applyBatch} does).
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
            Set<UUID> first = firstDeliveries(consumer, events);
            List<IntegrationEvent> fresh = new ArrayList<>(first.size());
            for (IntegrationEvent event : events) {
                if (first.remove(event.eventId())) { // removed: a second copy in the batch is skipped
                    fresh.add(event);
                }
            }
            if (fresh.size() < events.size()) {
                LOG.debugf("%s skipped %d redelivered events", consumer, events.size() - fresh.size());
            }
            if (!fresh.isEmpty()) {
                effect.accept(fresh);
            }
        });
    }

    /**
     * A Kafka poll's batch ({@code batch=true} on the channel; Quarkus sets it for a method that takes a
     * {@link KafkaRecordBatch}), applied with {@link #applyAll} in one transaction and acknowledged as a whole. When
     * the batch fails, each record is applied alone in its own transaction ({@code effect} gets a list of one) and
     * acknowledged, and a record that still fails is nacked alone: the channel's failure strategy (the platform's
     * dead-letter topic) takes it and the other records of the batch are kept. The returned stage completes when
     * every record is acknowledged or nacked; the consumer method returns it.
     */
    public CompletionStage<Void> applyBatch(
            String consumer, KafkaRecordBatch<?, String> batch, Consumer<List<IntegrationEvent>> effect) {
        List<String> payloads = batch.getPayload();
        try {
            applyAll(consumer, payloads, effect);
            return batch.ack();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "%s: a batch of %d events failed (%s); applying them one by one",
                    consumer, payloads.size(), e.getClass().getSimpleName());
        }
        List<CompletableFuture<Void>> done = new ArrayList<>(payloads.size());
        for (KafkaRecord<?, String> record : batch.getRecords()) {
            try {
                applyAll(consumer, List.of(record.getPayload()), effect);
                done.add(record.ack().toCompletableFuture());
            } catch (RuntimeException poison) {
                LOG.errorf(
                        "%s: an event of %s-%d failed alone (%s): dead-lettered",
                        consumer,
                        record.getTopic(),
                        record.getPartition(),
                        poison.getClass().getSimpleName());
                done.add(record.nack(poison).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    /**
     * Records the events' ids as applied by {@code consumer} in the current transaction, with one statement, and
     * returns those that were not recorded before (a mutable set). The ids go in sorted, so two transactions that
     * record overlapping batches (a rebalance) take their locks in the same order instead of deadlocking.
     */
    private Set<UUID> firstDeliveries(String consumer, List<IntegrationEvent> events) {
        String[] ids = events.stream()
                .map(e -> e.eventId().toString())
                .distinct()
                .sorted()
                .toArray(String[]::new);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO processed_events (event_id, consumer)
                        SELECT id, ? FROM unnest(?::uuid[]) AS ids(id) ORDER BY id
                        ON CONFLICT DO NOTHING RETURNING event_id""")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("text", ids));
            Set<UUID> first = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    first.add(rs.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording processed events failed", e);
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
