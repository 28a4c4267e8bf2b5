package com.writerstree.stats.api;

import static com.writerstree.stats.api.StatsTestSupport.projectStats;
import static com.writerstree.stats.api.StatsTestSupport.publish;
import static com.writerstree.stats.api.StatsTestSupport.zone;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCreated;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectDeleted;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectStatsFlowTest {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Test
    void aProjectsGoalTrackerShowsPaceProjectionQuotaAndMilestones() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        LocalDate today = LocalDate.now(zone);
        LocalDate deadline = today.plusDays(9);
        publish(
                zone(
                        user,
                        zone.getId(),
                        0,
                        today.minusDays(60).atStartOfDay(zone).toInstant()),
                new ProjectCreated(
                        UUID.randomUUID(), Instant.now(), user, project, "Novel", 50_000, "active", deadline));
        // 7 days before today: 1,000 words a day; the count reaches 7,000 + the earlier 13,000 = 20,000
        int version = 0;
        int count = 13_000;
        for (int back = 7; back >= 1; back--) {
            count += 1_000;
            Instant at = today.minusDays(back).atTime(10, 0).atZone(zone).toInstant();
            publish(new ContentSaved(UUID.randomUUID(), at, user, project, ++version, count, 1_000, at, null));
        }
        publish(MilestoneReached.of(user, project, "25_percent", 12_500, 50_000, Instant.now()));
        await().atMost(APPLIED).untilAsserted(() -> {
            var s = projectStats(user, project);
            assertEquals(20_000, s.getInt("data.currentWordCount"));
            assertEquals(1, s.getList("data.milestones").size());
            // the goal and deadline travel on project-events, the saves on content-events: wait for both
            assertEquals(30_000, s.getInt("data.wordsRemaining"));
            assertEquals(today.toString(), s.getString("data.today")); // the writer's zone: user-events
        });
        var s = projectStats(user, project);
        assertEquals(today.toString(), s.getString("data.today"));
        assertEquals(0, s.getInt("data.wordsToday"));
        assertEquals(857, s.getInt("data.pace7Days"), "6 of the last 7 days (today is one) at 1,000");
        assertEquals(500, s.getInt("data.pace14Days"));
        assertEquals(30_000, s.getInt("data.wordsRemaining"));
        assertEquals(
                today.plusDays(35).toString(), s.getString("data.projectedFinishDate"), "ceil(30000/857) = 36 days");
        assertEquals(deadline.toString(), s.getString("data.deadline"));
        assertEquals(10, s.getInt("data.daysLeft"));
        assertEquals(3_000, s.getInt("data.dailyQuota"));
        assertEquals(false, s.getBoolean("data.onTrack"));
        assertEquals(30, s.getList("data.dailySeries").size());
        assertEquals(1_000, s.getInt("data.dailySeries[28].wordsAdded"));
        assertEquals(false, s.getBoolean("data.milestones[0].celebrated"));

        // one device shows the bloom and says so; every device then sees it celebrated
        given().auth()
                .oauth2(TestTokens.forUser(user))
                .when()
                .post("/projects/" + project + "/milestones/25_percent/celebrate")
                .then()
                .statusCode(200)
                .body("data.milestone.celebrated", equalTo(true));
        assertEquals(true, projectStats(user, project).getBoolean("data.milestones[0].celebrated"));
        // a milestone not reached yet
        given().auth()
                .oauth2(TestTokens.forUser(user))
                .when()
                .post("/projects/" + project + "/milestones/50_percent/celebrate")
                .then()
                .statusCode(404);
    }

    @Test
    void anotherWritersProjectIsNotFoundAndDeletedProjectsLeave() {
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        publish(
                ProjectCreated.of(owner, project, "Mine", 50_000, "active"),
                MilestoneReached.of(owner, project, "25_percent", 12_500, 50_000, Instant.now()));
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(
                        1,
                        projectStats(owner, project).getList("data.milestones").size()));
        given().auth()
                .oauth2(TestTokens.forUser(stranger))
                .when()
                .get("/projects/" + project + "/stats")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        given().auth()
                .oauth2(TestTokens.forUser(stranger))
                .when()
                .post("/projects/" + project + "/milestones/25_percent/celebrate")
                .then()
                .statusCode(404);
        // a stranger's bloom_animation_viewed does not celebrate the owner's milestone
        given().auth()
                .oauth2(TestTokens.forUser(stranger))
                .contentType(ContentType.JSON)
                .body("{\"eventType\":\"bloom_animation_viewed\",\"eventData\":{\"projectId\":\"" + project
                        + "\",\"milestone\":\"25_percent\"}}")
                .when()
                .post("/analytics/event")
                .then()
                .statusCode(201);
        assertEquals(false, projectStats(owner, project).getBoolean("data.milestones[0].celebrated"));
        // the owner's does (the spec's way of saying a bloom was seen)
        given().auth()
                .oauth2(TestTokens.forUser(owner))
                .contentType(ContentType.JSON)
                .body("{\"eventType\":\"bloom_animation_viewed\",\"eventData\":{\"projectId\":\"" + project
                        + "\",\"milestone\":\"25_percent\"},\"sessionId\":\"s-1\"}")
                .when()
                .post("/analytics/event")
                .then()
                .statusCode(201);
        assertNotNull(projectStats(owner, project).getString("data.milestones[0].celebratedAt"));
        given().auth()
                .oauth2(TestTokens.forUser(owner))
                .when()
                .get("/projects/not-a-uuid/stats")
                .then()
                .statusCode(404);

        publish(ProjectDeleted.of(owner, project));
        await().atMost(APPLIED)
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.forUser(owner))
                        .when()
                        .get("/projects/" + project + "/stats")
                        .then()
                        .statusCode(404));
    }
}
