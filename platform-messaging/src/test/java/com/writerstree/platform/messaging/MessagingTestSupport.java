package com.writerstree.platform.messaging;

import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

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
        return TestSql.single(
                db,
                Long.class,
                "SELECT count(*) FROM processed_events WHERE event_id = ? AND consumer = ?",
                eventId,
                TestConsumer.CONSUMER);
    }

    static void update(AgroalDataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
