package com.writerstree.content.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCreated;
import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.SchemaScan;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import com.writerstree.platform.testing.UserDataChecks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The internal export part and the purge, against the real PostgreSQL and Kafka: the export holds each manuscript
 * as a Markdown file with its versions (texts included) and milestones; UserPurged on {@code test.user-events}
 * deletes every row of the user and nobody else's, records a receipt without the user id, and a replay changes
 * nothing.
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
class UserDataExportAndPurgeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void exportHoldsEveryManuscriptWithVersionsAndMilestones() {
        UUID user = UUID.randomUUID();
        UUID novel = announce(user, "The Long Night: Part 1", 1000);
        String text = "# Chapter one\n\n" + "word ".repeat(300).strip();
        save(user, novel, text);
        snapshot(user, novel, "first draft");
        UUID empty = announce(user, "Empty", 50000);
        UUID other = announce(UUID.randomUUID(), "Not Theirs", 50000);

        ValidatableResponse answer = UserDataChecks.export(user)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.service", equalTo("content-service"))
                .body("data.userId", equalTo(user.toString()))
                .body("data.generatedAt", notNullValue())
                .body("data.parts.projects.projectId", containsInAnyOrder(novel.toString(), empty.toString()))
                .body("data.files", hasSize(1))
                .body("data.files[0].path", equalTo("manuscripts/The-Long-Night-Part-1-" + novel + ".md"))
                .body("data.files[0].mediaType", equalTo("text/markdown"))
                .body("data.files[0].text", equalTo(text));
        String p = "data.parts.projects.find { it.projectId == '" + novel + "' }";
        answer.body(p + ".title", equalTo("The Long Night: Part 1"))
                .body(p + ".wordGoal", equalTo(1000))
                .body(p + ".content.file", equalTo("manuscripts/The-Long-Night-Part-1-" + novel + ".md"))
                .body(p + ".content.version", equalTo(1))
                .body(p + ".content.wordCount", equalTo(302))
                .body(p + ".versions.snapshotType", hasItem("manual"))
                .body(p + ".versions.find { it.snapshotType == 'manual' }.text", equalTo(text))
                .body(p + ".versions.find { it.snapshotType == 'manual' }.metadata.label", equalTo("first draft"))
                .body(p + ".milestones.type", hasItem("25_percent"))
                .body(p + ".milestones[0].wordCountAtMilestone", equalTo(302));
        String e = "data.parts.projects.find { it.projectId == '" + empty + "' }";
        answer.body(e + ".content", nullValue()).body(e + ".versions", hasSize(0));
        assertEquals(1L, count("SELECT count(*) FROM project_replicas WHERE project_id = ?", other));
    }

    @Test
    void anUnknownUserHasEmptyParts() {
        UserDataChecks.export(UUID.randomUUID())
                .statusCode(200)
                .body("data.parts.projects", hasSize(0))
                .body("data.files", nullValue());
    }

    @Test
    void theInternalRoutesRefuseAMissingOrWrongServiceToken() {
        UserDataChecks.assertInternalRoutesRefuseWithoutServiceToken();
    }

    @Test
    void purgeDeletesEverythingOfTheUserOnlyAndRecordsAReceipt() {
        UUID user = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID novel = announce(user, "Mine", 1000);
        save(user, novel, "word ".repeat(600).strip());
        snapshot(user, novel, "before the end");
        UUID kept = announce(second, "Theirs", 1000);
        save(second, kept, "word ".repeat(300).strip());
        snapshot(second, kept, "kept");
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM outbox_events WHERE published_at IS NULL") == 0);
        UserPurged purged = UserPurged.of(user);
        UserDataChecks.assertNoReceipt(purged.eventId());

        LocalKafka.publish(purged);

        UserDataChecks.awaitReceipt("content-service", purged.eventId(), WAIT);
        assertEquals(List.of(), SchemaScan.columnsContaining(dataSource, "content", user.toString()));
        assertEquals(List.of(), SchemaScan.columnsContaining(dataSource, "content", novel.toString()));
        assertSecondUserIntact(second, kept);

        // a replay of the event and a second purge of the same user harm nobody
        UserPurged again = UserPurged.of(user);
        LocalKafka.publish(purged);
        LocalKafka.publish(again);
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM purge_receipts WHERE event_id = ?", again.eventId()) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertEquals(1L, count("SELECT count(*) FROM purge_receipts WHERE event_id = ?", purged.eventId()));
            assertSecondUserIntact(second, kept);
        });
    }

    private void assertSecondUserIntact(UUID second, UUID kept) {
        assertEquals(
                1L, count("SELECT count(*) FROM project_replicas WHERE project_id = ? AND user_id = ?", kept, second));
        assertEquals(1L, count("SELECT count(*) FROM project_content WHERE project_id = ?", kept));
        assertEquals(1L, count("SELECT count(*) FROM content_chunks WHERE project_id = ?", kept)); // its text
        assertEquals(
                1L,
                count("SELECT count(*) FROM version_history WHERE project_id = ? AND snapshot_type = 'manual'", kept));
        assertEquals(1L, count("SELECT count(*) FROM milestones WHERE project_id = ? AND user_id = ?", kept, second));
    }

    private ValidatableResponse export(UUID user) {
        return UserDataChecks.export(user);
    }

    private UUID announce(UUID owner, String title, int wordGoal) {
        UUID project = UUID.randomUUID();
        LocalKafka.publish(ProjectCreated.of(owner, project, title, wordGoal, "active"));
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> count(
                                "SELECT count(*) FROM project_replicas WHERE project_id = ? AND title = ?",
                                project,
                                title)
                        == 1);
        return project;
    }

    private void save(UUID owner, UUID project, String text) {
        given().header("Authorization", TestTokens.bearer(owner))
                .contentType(ContentType.JSON)
                .body(Map.of("content", text))
                .put("/projects/{id}/content", project)
                .then()
                .statusCode(200);
    }

    private void snapshot(UUID owner, UUID project, String label) {
        given().header("Authorization", TestTokens.bearer(owner))
                .contentType(ContentType.JSON)
                .body(Map.of("label", label))
                .post("/projects/{id}/versions", project)
                .then()
                .statusCode(201);
    }

    private long count(String sql, Object... params) {
        return TestSql.single(dataSource, Long.class, sql, params);
    }
}
