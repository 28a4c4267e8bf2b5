package com.writerstree.stats.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCreated;
import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.SchemaScan;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import com.writerstree.platform.testing.UserDataChecks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The internal export part and the purge, against the real PostgreSQL and Kafka: the export holds the day
 * aggregates, streaks, milestones, settings and analytics of the user; UserPurged deletes their rows, anonymises
 * their analytics (no id, no e-mail left in any column, the JSON data included), leaves a second user alone and
 * records a receipt; a replay changes nothing.
 */
@QuarkusTest
class UserDataExportAndPurgeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void exportHoldsAggregatesStreaksMilestonesSettingsAndAnalytics() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        write(user, project);
        track(user, "{\"eventType\":\"tree_viewed\",\"eventData\":{\"zoom\":2},\"sessionId\":\"sess-export\"}");

        ValidatableResponse answer = UserDataChecks.export(user)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.service", equalTo("stats-service"))
                .body("data.userId", equalTo(user.toString()))
                .body("data.generatedAt", notNullValue())
                .body("data.parts.summary.currentStreak", equalTo(2))
                .body("data.parts.summary.longestStreak", equalTo(2))
                .body("data.parts.dailyAggregates", hasSize(2))
                .body("data.parts.dailyAggregates[0].wordsAdded", equalTo(500))
                .body("data.parts.projectDays", hasSize(2))
                .body("data.parts.writingSlots", hasSize(2))
                .body("data.parts.projects[0].projectId", equalTo(project.toString()))
                .body("data.parts.projects[0].title", equalTo("Export me"))
                .body("data.parts.milestones[0].milestone", equalTo("25_percent"))
                .body("data.parts.settings[0].timezone", equalTo("Europe/Paris"))
                .body("data.parts.analyticsEvents.eventType", hasItem("tree_viewed"))
                .body("data.parts.analyticsEvents.find { it.eventType == 'tree_viewed' }.eventData.zoom", equalTo(2))
                .body(
                        "data.parts.analyticsEvents.find { it.eventType == 'tree_viewed' }.sessionId",
                        equalTo("sess-export"))
                .body(
                        "data.parts.analyticsEvents.find { it.eventType == 'tree_viewed' }.ipAddress",
                        equalTo("203.0.113.0"));
        answer.body("data.files", equalTo(null));
    }

    @Test
    void anUnknownUserHasEmptyParts() {
        UserDataChecks.export(UUID.randomUUID())
                .statusCode(200)
                .body("data.parts.dailyAggregates", hasSize(0))
                .body("data.parts.analyticsEvents", hasSize(0))
                .body("data.parts.summary.currentStreak", equalTo(0));
    }

    @Test
    void theInternalRoutesRefuseAMissingOrWrongServiceToken() {
        UserDataChecks.assertInternalRoutesRefuseWithoutServiceToken();
    }

    @Test
    void purgeDeletesTheUsersRowsAnonymisesTheirAnalyticsAndRecordsAReceipt() {
        UUID user = UUID.randomUUID();
        String email = "writer-" + user.toString().substring(0, 8) + "@Example.org";
        UUID second = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        write(user, project);
        write(second, kept);
        track(
                user,
                "{\"eventType\":\"tree_viewed\",\"eventData\":{\"zoom\":3,\"sharedWith\":\"" + email
                        + "\",\"list\":[\"" + user + "\",\"ok\"],\""
                        + user.toString().replace("-", "")
                        + "\":1},\"sessionId\":\"sess-" + user + "\"}");
        track(second, "{\"eventType\":\"tree_viewed\",\"eventData\":{\"zoom\":4},\"sessionId\":\"sess-second\"}");
        UUID trackedId = TestSql.single(
                dataSource,
                UUID.class,
                "SELECT id FROM analytics_events WHERE user_id = ? AND event_type = 'tree_viewed'",
                user);
        UserPurged purged = UserPurged.of(user);
        UserDataChecks.assertNoReceipt(purged.eventId());

        LocalKafka.publish(purged);

        UserDataChecks.awaitReceipt("stats-service", purged.eventId(), WAIT);
        assertEquals(List.of(), SchemaScan.columnsContaining(dataSource, "stats", user.toString()));
        assertEquals(
                List.of(),
                SchemaScan.columnsContaining(
                        dataSource, "stats", user.toString().replace("-", "")));
        assertEquals(List.of(), SchemaScan.columnsContaining(dataSource, "stats", email));
        // the analytics row outlives the account, anonymous, with what is not personal
        assertEquals(
                "tree_viewed|3|[\"[removed]\", \"ok\"]|[removed]|t|203.0.113.0",
                TestSql.single(
                        dataSource,
                        String.class,
                        "SELECT concat_ws('|', event_type, event_data->>'zoom', event_data->>'list', "
                                + "event_data->>'sharedWith', session_id IS NULL AND user_id IS NULL, host(ip_address)) "
                                + "FROM analytics_events WHERE id = ?",
                        trackedId));
        assertSecondUserIntact(second, kept);

        // a replay of the event and a second purge of the same user harm nobody
        UserPurged again = UserPurged.of(user);
        LocalKafka.publish(purged);
        LocalKafka.publish(again);
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM purge_receipts WHERE event_id = ?", again.eventId()) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertEquals(1L, count("SELECT count(*) FROM purge_receipts WHERE event_id = ?", purged.eventId()));
            assertEquals(1L, count("SELECT count(*) FROM analytics_events WHERE id = ?", trackedId));
            assertSecondUserIntact(second, kept);
        });
    }

    private void assertSecondUserIntact(UUID second, UUID kept) {
        assertEquals(2L, count("SELECT count(*) FROM writing_streaks WHERE user_id = ?", second));
        assertEquals(2L, count("SELECT count(*) FROM project_days WHERE user_id = ? AND project_id = ?", second, kept));
        assertEquals(1L, count("SELECT count(*) FROM projects WHERE user_id = ?", second));
        assertEquals(1L, count("SELECT count(*) FROM milestones WHERE user_id = ?", second));
        assertEquals(1L, count("SELECT count(*) FROM user_settings WHERE user_id = ?", second));
        assertTrue(
                count("SELECT count(*) FROM analytics_events WHERE user_id = ? AND session_id = 'sess-second'", second)
                        == 1);
    }

    /** Settings, a project, 500 words yesterday and today (a two-day streak), a milestone; applied when it returns. */
    private void write(UUID user, UUID project) {
        Instant now = Instant.now();
        Instant yesterday = now.minus(1, ChronoUnit.DAYS);
        publish(
                new UserPreferencesChanged(
                        UUID.randomUUID(),
                        now.minus(3, ChronoUnit.DAYS),
                        user,
                        "Europe/Paris",
                        Map.of("timezone", "Europe/Paris", "dailyWordGoal", 100)),
                ProjectCreated.of(user, project, "Export me", 2_000, "active"),
                new ContentSaved(UUID.randomUUID(), yesterday, user, project, 1, 500, 500, yesterday, null),
                new ContentSaved(UUID.randomUUID(), now, user, project, 2, 1_000, 500, now, null),
                MilestoneReached.of(user, project, "25_percent", 500, 2_000, yesterday));
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM writing_streaks WHERE user_id = ?", user) == 2
                        && count("SELECT count(*) FROM milestones WHERE user_id = ?", user) == 1
                        && count("SELECT count(*) FROM projects WHERE user_id = ? AND word_count = 1000", user) == 1);
    }

    private static void publish(IntegrationEvent... events) {
        for (IntegrationEvent e : events) {
            LocalKafka.publish(e);
        }
    }

    private static void track(UUID user, String body) {
        given().auth()
                .oauth2(TestTokens.forUser(user))
                .header("X-Forwarded-For", "203.0.113.77")
                .header("User-Agent", "stats-test-agent")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/analytics/event")
                .then()
                .statusCode(201);
    }

    private ValidatableResponse export(UUID user) {
        return UserDataChecks.export(user);
    }

    private long count(String sql, Object... params) {
        return TestSql.single(dataSource, Long.class, sql, params);
    }
}
