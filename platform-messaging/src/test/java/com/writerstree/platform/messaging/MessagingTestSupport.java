package com.writerstree.platform.messaging;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the relay and inbox tests share: the topic, events, and reading the plumbing tables. */
final class MessagingTestSupport {

    private MessagingTestSupport() {}

    /** The user-events topic as the outbox names it in this test run (the test profile's prefix). */
    static String userEvents(MessagingConfig config) {
        String topic = config.topicPrefix().orElse("") + "user-events";
        // make sure the topic exists before anyone watches it from its end (a record of no known type is ignored)
        LocalKafka.publish(topic, "warm-up", "{}");
        return topic;
    }

    /** The service's dead-letter topic (shared connector config), created if this is the first run on the broker. */
    static String deadLetterTopic(MessagingConfig config) {
        String application = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        String topic = config.topicPrefix().orElse("") + application + ".dlq";
        LocalKafka.publish(topic, "warm-up", "{}");
        return topic;
    }

    static UserPreferencesChanged event(UUID userId) {
        return UserPreferencesChanged.of(userId, "UTC", Map.of());
    }

    static UUID eventId(String payload) {
        return EventCodec.decode(payload).map(IntegrationEvent::eventId).orElse(null);
    }

    /** Appends {@code events} to the outbox in one committed transaction. */
    static void append(Outbox outbox, IntegrationEvent... events) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (IntegrationEvent e : events) {
                outbox.append(e);
            }
        });
    }

    /** How many times {@link TestConsumer} recorded {@code eventId} as processed (0 or 1). */
    static long processed(AgroalDataSource db, UUID eventId) {
        return processed(db, TestConsumer.CONSUMER, eventId);
    }

    /** How many times {@code consumer} recorded {@code eventId} as processed (0 or 1). */
    static long processed(AgroalDataSource db, String consumer, UUID eventId) {
        return TestSql.single(
                db,
                Long.class,
                "SELECT count(*) FROM processed_events WHERE event_id = ? AND consumer = ?",
                eventId,
                consumer);
    }

    static void update(AgroalDataSource db, String sql, Object... params) {
        TestSql.update(db, sql, params);
    }
}
