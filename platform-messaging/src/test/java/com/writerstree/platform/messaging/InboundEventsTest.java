package com.writerstree.platform.messaging;

import static com.writerstree.platform.messaging.MessagingTestSupport.deadLetterTopic;
import static com.writerstree.platform.messaging.MessagingTestSupport.event;
import static com.writerstree.platform.messaging.MessagingTestSupport.processed;
import static com.writerstree.platform.messaging.MessagingTestSupport.userEvents;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.LocalKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Idempotent consumption ({@link InboundEvents}) behind a real Kafka consumer ({@link TestConsumer}, the shared
 * connector defaults: earliest offset, dead-letter topic per service): a record delivered twice is applied once; a
 * poison record (its effect throws, or it is not an event at all) goes to the dead-letter topic with the reason, and
 * the records behind it on the same partition are still applied.
 */
@QuarkusTest
class InboundEventsTest {

    private static final Duration KAFKA = Duration.ofSeconds(30);

    @Inject
    TestConsumer consumer;

    @Inject
    AgroalDataSource db;

    @Inject
    MessagingConfig config;

    @Test
    void aDuplicateDeliveryIsAppliedOnce() {
        String topic = userEvents(config);
        UserPreferencesChanged event = event(UUID.randomUUID());
        String json = EventCodec.encode(event);

        LocalKafka.publish(topic, event.key(), json);
        LocalKafka.publish(topic, event.key(), json);
        UserPreferencesChanged behind = event(event.userId());
        LocalKafka.publish(topic, behind.key(), EventCodec.encode(behind));

        // the record behind both copies (same key, same partition) is applied: both copies were consumed by then
        await().atMost(KAFKA).until(() -> consumer.applied(behind.eventId()) == 1);
        assertEquals(1, consumer.applied(event.eventId()));
        assertEquals(1L, processed(db, event.eventId()));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> consumer.applied(event.eventId()) == 1);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String topic = userEvents(config);
        UserPreferencesChanged poison = event(UUID.randomUUID());
        TestConsumer.POISON.add(poison.userId());
        UserPreferencesChanged next = event(UUID.randomUUID());
        try (LocalKafka.Watcher dlq = LocalKafka.watch(deadLetterTopic(config))) {
            LocalKafka.publish(topic, poison.key(), EventCodec.encode(poison));
            LocalKafka.publish(topic, poison.key(), EventCodec.encode(next)); // behind it on the same partition

            ConsumerRecord<String, String> dead =
                    dlq.awaitRecord(p -> p.contains(poison.eventId().toString()), KAFKA);
            assertEquals(topic, header(dead, "dead-letter-topic"));
            assertTrue(header(dead, "dead-letter-reason").contains("poison"), header(dead, "dead-letter-reason"));
            await().atMost(KAFKA).until(() -> consumer.applied(next.eventId()) == 1);
            assertEquals(0, consumer.applied(poison.eventId()));
            assertEquals(0L, processed(db, poison.eventId()), "the processed mark rolled back with the effect");
        } finally {
            TestConsumer.POISON.remove(poison.userId());
        }
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopic() {
        String topic = userEvents(config);
        String garbage = "{\"type\": \"UserPreferencesChanged\", \"broken\": " + UUID.randomUUID();
        UserPreferencesChanged next = event(UUID.randomUUID());
        try (LocalKafka.Watcher dlq = LocalKafka.watch(deadLetterTopic(config))) {
            LocalKafka.publish(topic, next.key(), garbage);
            LocalKafka.publish(topic, next.key(), EventCodec.encode(next));

            ConsumerRecord<String, String> dead = dlq.awaitRecord(garbage::equals, KAFKA);
            assertNotNull(dead.headers().lastHeader("dead-letter-reason"));
            await().atMost(KAFKA).until(() -> consumer.applied(next.eventId()) == 1);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
