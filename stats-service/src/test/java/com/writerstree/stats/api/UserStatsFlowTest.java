package com.writerstree.stats.api;

import static com.writerstree.stats.api.StatsTestSupport.publish;
import static com.writerstree.stats.api.StatsTestSupport.userStats;
import static com.writerstree.stats.api.StatsTestSupport.zone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCompleted;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCreated;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * stats-service on the real PostgreSQL and Kafka: events published to the test topics as the producers' relays
 * do, stats read over REST with the writer's token. Every test has users of its own.
 */
@QuarkusTest
class UserStatsFlowTest {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void savesOfAWriterFarEastOfUtcLandOnTheirLocalDaysAndDeletionsAreApart() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        LocalDate d = LocalDate.now(ZoneId.of("UTC")).minusDays(5);
        Instant utcMidnight = d.atStartOfDay(ZoneId.of("UTC")).toInstant();
        publish(
                zone(user, "Pacific/Kiritimati", 0, utcMidnight.minus(30, ChronoUnit.DAYS)),
                ProjectCreated.of(user, project, "Far east", 50_000, "active"),
                // 23:50 UTC the day before and 00:10 UTC: both afternoon of local day d (UTC+14)
                saved(user, project, 1, 100, utcMidnight.minus(10, ChronoUnit.MINUTES)),
                saved(user, project, 2, 50, utcMidnight.plus(10, ChronoUnit.MINUTES)),
                // 09:50 UTC is 23:50 local on d; 10:10 UTC is already the next local day
                saved(user, project, 3, 300, utcMidnight.plus(9 * 60 + 50, ChronoUnit.MINUTES)),
                saved(user, project, 4, 200, utcMidnight.plus(10 * 60 + 10, ChronoUnit.MINUTES)),
                saved(user, project, 5, -80, utcMidnight.plus(11, ChronoUnit.HOURS)),
                // a restore changes the count but is not writing
                VersionRestored.of(user, project, 6, 2, 150, -420, utcMidnight.plus(12, ChronoUnit.HOURS)));

        // the zone travels on user-events, the saves on content-events: wait for both topics, and for the last save
        // (the deletion) too: a poll may hold saves 1-4 without the fifth, and the written total is already whole then
        await().atMost(APPLIED).untilAsserted(() -> {
            var applied = userStats(user, "all");
            assertEquals(650, applied.getInt("data.totalWordsWritten"));
            assertEquals(80, applied.getInt("data.wordsDeleted"));
            assertEquals("Pacific/Kiritimati", applied.getString("data.timezone"));
        });
        var stats = userStats(user, "all");
        assertEquals(80, stats.getInt("data.wordsDeleted"));
        assertEquals(2, stats.getInt("data.writingDays"));
        assertEquals(325, stats.getInt("data.averageWordsPerDay"));
        assertEquals("Pacific/Kiritimati", stats.getString("data.timezone"));
        // newest first: d+1 (200 added, 80 deleted), then d (450)
        assertEquals(d.plusDays(1).toString(), stats.getString("data.dailyBreakdown[0].date"));
        assertEquals(200, stats.getInt("data.dailyBreakdown[0].wordCount"));
        assertEquals(80, stats.getInt("data.dailyBreakdown[0].wordsDeleted"));
        assertEquals(d.toString(), stats.getString("data.dailyBreakdown[1].date"));
        assertEquals(450, stats.getInt("data.dailyBreakdown[1].wordCount"));
        assertEquals(1, stats.getInt("data.dailyBreakdown[1].projectsWorkedOn"));
        assertEquals(2, stats.getInt("data.longestStreak"));
        assertEquals(1, stats.getInt("data.totalProjects"));
        assertEquals(1, stats.getInt("data.activeProjects"));
    }

    @Test
    void aRedeliveredSaveCountsOnce() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        ContentSaved save = saved(user, project, 1, 700, Instant.now().minus(1, ChronoUnit.HOURS));
        publish(save);
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(700, userStats(user, "week").getInt("data.totalWordsWritten")));
        publish(save, save);
        ContentSaved marker = saved(user, project, 2, 1, Instant.now().minus(1, ChronoUnit.HOURS));
        publish(marker);
        // the marker goes to the same partition after the duplicates; then nothing more may change for a while
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(701, userStats(user, "week").getInt("data.totalWordsWritten")));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(701, userStats(user, "week").getInt("data.totalWordsWritten")));
    }

    @Test
    void streaksCountDaysMeetingTheDailyTargetAndStayAliveUntilTheEndOfToday() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(berlin);
        List<IntegrationEvent> events = new ArrayList<>();
        events.add(zone(
                user,
                "Europe/Berlin",
                500,
                today.minusDays(30).atStartOfDay(berlin).toInstant()));
        int version = 0;
        // yesterday and the 2 days before: 600 words each (met); 4 days ago: 200 (not met); 5..7 days ago: met
        int[] words = {0, 600, 600, 600, 200, 900, 900, 900};
        for (int back = 1; back < words.length; back++) {
            events.add(saved(
                    user,
                    project,
                    ++version,
                    words[back],
                    today.minusDays(back).atTime(20, 0).atZone(berlin).toInstant()));
        }
        events.add(MilestoneReached.of(user, project, "25_percent", 12_500, 50_000, Instant.now()));
        events.add(ProjectCreated.of(user, project, "Streaky", 50_000, "active"));
        events.add(ProjectCompleted.of(user, project, Instant.now()));
        publish(events.toArray(IntegrationEvent[]::new));
        await().atMost(APPLIED).untilAsserted(() -> {
            var s = userStats(user, "month");
            assertEquals(4_700, s.getInt("data.totalWordsWritten"));
            assertEquals(1, s.getInt("data.completedProjects"));
            assertEquals(1, s.getInt("data.milestonesReached"));
            assertEquals(500, s.getInt("data.dailyWordGoal")); // user-events, another topic than the saves
        });
        var s = userStats(user, "month");
        assertEquals(3, s.getInt("data.currentStreak"), "today not written yet: the streak from yesterday lives");
        assertEquals(3, s.getInt("data.longestStreak"));
        assertEquals(7, s.getInt("data.writingDays"));
        assertEquals(500, s.getInt("data.dailyWordGoal"));
        assertEquals(false, s.getBoolean("data.dailyBreakdown.find { it.wordCount == 200 }.goalMet"));
        assertEquals(0, s.getInt("data.activeProjects"));
    }

    @Test
    void aLateTimeZoneChangeMovesTheSavesAfterItAndAReplayIntoAnEmptySchemaGivesTheSameNumbers() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        Instant base = LocalDate.now(ZoneId.of("UTC"))
                .minusDays(10)
                .atStartOfDay(ZoneId.of("UTC"))
                .toInstant();
        List<IntegrationEvent> saves = new ArrayList<>();
        saves.add(ProjectCreated.of(user, project, "Travels", 50_000, "active"));
        for (int i = 0; i < 8; i++) {
            // 20:30 UTC every day
            saves.add(saved(
                    user,
                    project,
                    i + 1,
                    100 * (i + 1),
                    base.plus(i, ChronoUnit.DAYS).plus(20 * 60 + 30, ChronoUnit.MINUTES)));
        }
        // the writer moved to Kiritimati on day 4 (noon UTC): its later saves are the next local day there
        IntegrationEvent move = zone(
                user, "Pacific/Kiritimati", 0, base.plus(4, ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS));
        publish(saves.toArray(IntegrationEvent[]::new));
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(3_600, userStats(user, "all").getInt("data.totalWordsWritten")));
        publish(move);
        LocalDate day0 = LocalDate.ofInstant(base, ZoneId.of("UTC"));
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(
                        day0.plusDays(8).toString(), userStats(user, "all").getString("data.dailyBreakdown[0].date")));
        Map<String, Object> first = userStats(user, "all").getMap("data");
        // days 0-3 stay UTC days (history is not rewritten); days 4-7 moved one local day later: day 4 is empty
        assertEquals(8, ((List<?>) first.get("dailyBreakdown")).size());
        assertEquals(day0.plusDays(3).toString(), userStats(user, "all").getString("data.dailyBreakdown[4].date"));
        assertEquals(4, first.get("longestStreak"));

        // replay: an empty schema for this writer, the same events in another order (the move first)
        forget(user, saves, move);
        List<IntegrationEvent> replay = new ArrayList<>(saves);
        Collections.reverse(replay);
        replay.add(0, move);
        publish(replay.toArray(IntegrationEvent[]::new));
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(first, userStats(user, "all").getMap("data")));
    }

    @Test
    void aWriterWhoSetsAZoneAndWritesRightAwayWritesInThatZone() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        Instant now = Instant.now();
        publish(zone(user, "Pacific/Kiritimati", 0, now), saved(user, project, 1, 42, now.plusSeconds(1)));
        LocalDate local = LocalDate.ofInstant(now.plusSeconds(1), ZoneId.of("Pacific/Kiritimati"));
        await().atMost(APPLIED).untilAsserted(() -> {
            var s = userStats(user, "week");
            assertEquals(42, s.getInt("data.totalWordsWritten"));
            assertEquals(local.toString(), s.getString("data.dailyBreakdown[0].date"));
        });
    }

    @Test
    void aPurgedWriterLeavesNoNumbers() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        publish(
                ProjectCreated.of(user, project, "Gone soon", 50_000, "active"),
                saved(user, project, 1, 300, Instant.now()));
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(300, userStats(user, "week").getInt("data.totalWordsWritten")));
        publish(com.writerstree.contracts.user.v1.UserEvents.UserPurged.of(user));
        await().atMost(APPLIED).untilAsserted(() -> {
            var s = userStats(user, "all");
            assertEquals(0, s.getInt("data.totalWordsWritten"));
            assertEquals(0, s.getInt("data.totalProjects"));
        });
    }

    @Test
    void statsNeedAToken_andAnUnknownPeriodIsAValidationError() {
        given().when().get("/users/me/stats").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.forUser(UUID.randomUUID()))
                .queryParam("period", "decade")
                .when()
                .get("/users/me/stats")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("period"));
        var empty = userStats(UUID.randomUUID(), null);
        assertEquals("month", empty.getString("data.period"));
        assertEquals(0, empty.getInt("data.totalWordsWritten"));
        assertEquals(0, empty.getInt("data.currentStreak"));
    }

    static ContentSaved saved(UUID user, UUID project, int version, int delta, Instant at) {
        return new ContentSaved(
                UUID.randomUUID(), at, user, project, version, Math.max(delta, 0) * version, delta, at, null);
    }

    /** What an empty stats schema looks like for this writer: no rows, and no memory of the events. */
    private void forget(UUID user, List<IntegrationEvent> events, IntegrationEvent extra) {
        List<String> statements = List.of(
                "DELETE FROM writing_slots WHERE user_id = ?",
                "DELETE FROM project_days WHERE user_id = ?",
                "DELETE FROM writing_streaks WHERE user_id = ?",
                "DELETE FROM user_settings WHERE user_id = ?",
                "DELETE FROM projects WHERE user_id = ?",
                "DELETE FROM milestones WHERE user_id = ?",
                "DELETE FROM analytics_events WHERE user_id = ?");
        try (Connection c = dataSource.getConnection()) {
            for (String sql : statements) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, user);
                    ps.executeUpdate();
                }
            }
            List<IntegrationEvent> all = new ArrayList<>(events);
            all.add(extra);
            for (IntegrationEvent e : all) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM processed_events WHERE event_id = ?")) {
                    ps.setObject(1, e.eventId());
                    ps.executeUpdate();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
