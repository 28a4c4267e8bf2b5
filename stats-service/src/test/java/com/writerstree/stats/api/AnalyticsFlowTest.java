package com.writerstree.stats.api;

import static com.writerstree.stats.api.StatsTestSupport.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.export.v1.ExportEvents.ContentExported;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import com.writerstree.stats.domain.AnalyticsRetention;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnalyticsFlowTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnalyticsRetention retention;

    @Test
    void anEventIsStoredWithItsSessionUserAgentAndAnAnonymisedAddress() {
        UUID user = UUID.randomUUID();
        track(user, "{\"eventType\":\"settings_changed\",\"eventData\":{\"darkMode\":true},\"sessionId\":\"sess-42\"}")
                .statusCode(201)
                .body("success", equalTo(true))
                .body("message", equalTo("Event tracked."));
        assertEquals(
                "203.0.113.0",
                TestSql.single(
                        dataSource,
                        String.class,
                        "SELECT host(ip_address) FROM analytics_events WHERE user_id = ?",
                        user));
        assertEquals(
                "sess-42 | stats-test-agent | true | client",
                TestSql.single(
                        dataSource,
                        String.class,
                        "SELECT session_id || ' | ' || user_agent || ' | ' || (event_data->>'darkMode') || ' | ' || source "
                                + "FROM analytics_events WHERE user_id = ?",
                        user));
    }

    @Test
    void badEventsAreValidationErrorsAndNothingIsStored() {
        UUID user = UUID.randomUUID();
        track(user, "{\"eventType\":\"made_up\"}").statusCode(400).body("error.details.field", equalTo("eventType"));
        track(user, "{\"eventData\":{}}").statusCode(400).body("error.details.field", equalTo("eventType"));
        track(user, "{\"eventType\":\"tree_viewed\",\"eventData\":[1,2]}")
                .statusCode(400)
                .body("error.details.field", equalTo("eventData"));
        String big = "x".repeat(5000);
        track(user, "{\"eventType\":\"tree_viewed\",\"eventData\":{\"note\":\"" + big + "\"}}")
                .statusCode(400)
                .body("error.details.field", equalTo("eventData"));
        track(user, "{\"eventType\":\"tree_viewed\",\"sessionId\":\"" + "s".repeat(256) + "\"}")
                .statusCode(400)
                .body("error.details.field", equalTo("sessionId"));
        assertEquals(
                0L,
                TestSql.single(
                        dataSource, Long.class, "SELECT count(*) FROM analytics_events WHERE user_id = ?", user));
    }

    @Test
    void aWriterSendingTooManyEventsIsToldToSlowDown() {
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            track(user, "{\"eventType\":\"editor_opened\"}").statusCode(201);
        }
        track(user, "{\"eventType\":\"editor_opened\"}")
                .statusCode(429)
                .body("error.code", equalTo("RATE_LIMIT_EXCEEDED"));
        // another writer is not affected
        track(UUID.randomUUID(), "{\"eventType\":\"editor_opened\"}").statusCode(201);
    }

    @Test
    void exportsAreRecordedFromExportEventsOnce() {
        UUID user = UUID.randomUUID();
        ContentExported exported =
                ContentExported.of(user, UUID.randomUUID(), UUID.randomUUID(), "docx", "manuscript", 12_345, 50_000);
        publish(exported, exported);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> TestSql.single(
                                dataSource,
                                Long.class,
                                "SELECT count(*) FROM analytics_events WHERE user_id = ? AND event_type = 'content_exported'",
                                user)
                        == 1L);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> TestSql.single(
                                dataSource,
                                Long.class,
                                "SELECT count(*) FROM analytics_events WHERE user_id = ? AND event_type = 'content_exported'",
                                user)
                        == 1L);
    }

    @Test
    void theRetentionJobDeletesEventsOlderThanTwelveMonthsAtItsClock() throws Exception {
        UUID user = UUID.randomUUID();
        Instant now = Instant.parse("2031-06-15T03:00:00Z");
        insert(user, now.minus(400, ChronoUnit.DAYS));
        insert(user, now.atZone(ZoneOffset.UTC).minusMonths(12).minusSeconds(1).toInstant());
        insert(user, now.atZone(ZoneOffset.UTC).minusMonths(12).plusSeconds(1).toInstant());
        insert(user, now.minus(1, ChronoUnit.DAYS));
        retention.purge(Clock.fixed(now, ZoneOffset.UTC));
        assertEquals(
                2L,
                TestSql.single(
                        dataSource, Long.class, "SELECT count(*) FROM analytics_events WHERE user_id = ?", user));
        assertEquals(
                now.atZone(ZoneOffset.UTC).minusMonths(12).plusSeconds(1).toInstant(),
                TestSql.single(
                                dataSource,
                                java.time.OffsetDateTime.class,
                                "SELECT min(created_at) FROM analytics_events WHERE user_id = ?",
                                user)
                        .toInstant());
    }

    private void insert(UUID user, Instant createdAt) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO analytics_events (user_id, event_type, created_at) VALUES (?, 'tree_viewed', ?)")) {
            ps.setObject(1, user);
            ps.setObject(2, createdAt.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static ValidatableResponse track(UUID user, String body) {
        return given().auth()
                .oauth2(TestTokens.forUser(user))
                .header("X-Forwarded-For", "203.0.113.77")
                .header("User-Agent", "stats-test-agent")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/analytics/event")
                .then();
    }
}
