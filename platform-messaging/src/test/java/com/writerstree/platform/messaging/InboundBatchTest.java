package com.writerstree.platform.messaging;

import static com.writerstree.platform.messaging.MessagingTestSupport.deadLetterTopic;
import static com.writerstree.platform.messaging.MessagingTestSupport.event;
import static com.writerstree.platform.messaging.MessagingTestSupport.processed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Batch consumption ({@link InboundEvents#applyAll}, {@link InboundEvents#applyBatch}) on the real PostgreSQL and
 * Kafka: one transaction and one dedupe statement per batch, an id twice in a batch or already applied is skipped, a
 * batch whose effect fails leaves no processed mark (a crash before the commit: the redelivery applies it all), and a
 * poison record in a polled batch goes to the dead-letter topic alone while the records around it are applied once.
 */
@QuarkusTest
class InboundBatchTest {

    private static final Duration KAFKA = Duration.ofSeconds(30);
    private static final String DIRECT = "platform-messaging-direct-test";

    @Inject
    InboundEvents inbound;

    @Inject
    MessagingConfig config;

    @Inject
    BatchTestConsumer consumer;

    @Inject
    AgroalDataSource db;

    @Test
    void aBatchGetsItsNewEventsOnceInOrderInOneCall() {
        UserPreferencesChanged done = event(UUID.randomUUID());
        UserPreferencesChanged a = event(UUID.randomUUID());
        UserPreferencesChanged b = event(UUID.randomUUID());
        inbound.applyAll(DIRECT, List.of(json(done)), events -> {});

        List<List<UUID>> calls = new ArrayList<>();
        inbound.applyAll(
                DIRECT, List.of(json(a), json(done), json(b), json(a), "{\"type\":\"SomethingNew\"}"), events -> {
                    calls.add(ids(events));
                });

        assertEquals(List.of(List.of(a.eventId(), b.eventId())), calls, "one call, the new events once, in order");
        assertEquals(1L, processed(db, DIRECT, a.eventId()));
        assertEquals(1L, processed(db, DIRECT, b.eventId()));

        // the same batch redelivered (a crash after the commit, before the offsets): nothing is applied again
        List<List<UUID>> again = new ArrayList<>();
        inbound.applyAll(DIRECT, List.of(json(a), json(b)), events -> again.add(ids(events)));
        assertEquals(List.of(), again);
    }

    @Test
    void aBatchThatFailsLeavesNoMarkAndItsRedeliveryAppliesItAll() {
        UserPreferencesChanged a = event(UUID.randomUUID());
        UserPreferencesChanged b = event(UUID.randomUUID());
        List<String> batch = List.of(json(a), json(b));

        assertThrows(
                IllegalStateException.class,
                () -> inbound.applyAll(DIRECT, batch, events -> {
                    throw new IllegalStateException("crash before the commit");
                }));
        assertEquals(0L, processed(db, DIRECT, a.eventId()), "the marks rolled back with the effect");
        assertEquals(0L, processed(db, DIRECT, b.eventId()));

        List<UUID> applied = new ArrayList<>();
        inbound.applyAll(DIRECT, batch, events -> applied.addAll(ids(events)));
        assertEquals(List.of(a.eventId(), b.eventId()), applied);
    }

    @Test
    void aPoisonRecordOfAPolledBatchIsDeadLetteredAloneAndTheOthersAreAppliedOnce() {
        String topic = config.topicPrefix().orElse("") + "messaging-batch-test";
        UserPreferencesChanged before = event(UUID.randomUUID());
        UserPreferencesChanged poison = event(UUID.randomUUID());
        UserPreferencesChanged after = event(UUID.randomUUID());
        TestConsumer.POISON.add(poison.userId());
        try (LocalKafka.Watcher dlq = LocalKafka.watch(deadLetterTopic(config))) {
            // one key, one partition: one poll is likely to hold them all; a duplicate of "before" among them
            LocalKafka.publishRecords(
                    List.of(record(topic, before), record(topic, poison), record(topic, before), record(topic, after)));

            dlq.awaitRecord(p -> p.contains(poison.eventId().toString()), KAFKA);
            await().atMost(KAFKA).until(() -> consumer.applied(after.eventId()) == 1);
            assertEquals(1, consumer.applied(before.eventId()));
            assertEquals(0, consumer.applied(poison.eventId()));
            assertEquals(1L, processed(db, BatchTestConsumer.CONSUMER, before.eventId()));
            assertEquals(0L, processed(db, BatchTestConsumer.CONSUMER, poison.eventId()));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> consumer.applied(before.eventId()) == 1);
        } finally {
            TestConsumer.POISON.remove(poison.userId());
        }
    }

    private static ProducerRecord<String, String> record(String topic, UserPreferencesChanged event) {
        // the same key for all: one partition, the order kept
        return new ProducerRecord<>(topic, "batch-test", json(event));
    }

    private static String json(IntegrationEvent event) {
        return EventCodec.encode(event);
    }

    private static List<UUID> ids(List<IntegrationEvent> events) {
        return events.stream().map(IntegrationEvent::eventId).toList();
    }
}
