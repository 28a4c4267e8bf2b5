package com.writerstree.project.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectArchived;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectDeleted;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectRestored;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectUpdated;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Update, archive, restore, permanent deletion and the free-tier limit, against the real PostgreSQL
 * (writerstree_test) and Kafka: the events are read back from {@code test.project-events}. Every test has users
 * of its own.
 */
@QuarkusTest
class ProjectLifecycleResourceTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(15);
    private static LocalKafka.Watcher projectEvents;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/projects")
    URI projectsUri;

    @BeforeAll
    static void watchProjectEvents() {
        RestAssured.config =
                RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
        projectEvents = LocalKafka.watch(LocalKafka.TEST_PREFIX + "project-events");
    }

    @AfterAll
    static void stopWatching() {
        projectEvents.close();
    }

    @Test
    void patchChangesTheGivenFieldsAndPublishesProjectUpdated() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        UUID id = create(token, "{\"title\": \"Draft\", \"wordGoal\": 50000}");

        patch(token, id, """
                {"title": "  My Renamed Novel ", "wordGoal": 60000, "treeSpecies": "maple", "treeSeason": "autumn"}""")
                .statusCode(200)
                .body("success", is(true))
                .body("message", equalTo("Project updated successfully."))
                .body("data.id", equalTo(id.toString()))
                .body("data.title", equalTo("My Renamed Novel"))
                .body("data.wordGoal", equalTo(60000))
                .body("data.treeSpecies", equalTo("maple"))
                .body("data.treeSeason", equalTo("autumn"))
                .body("data.status", equalTo("active"));
        ProjectUpdated updated = awaitEvent(ProjectUpdated.class, id);
        assertEquals("My Renamed Novel", updated.title());
        assertEquals(60000, updated.wordGoal());
        assertEquals("active", updated.status());
        assertEquals(user, updated.userId());

        // one field at a time keeps the others
        patch(token, id, "{\"treeSeason\": \"winter\"}")
                .statusCode(200)
                .body("data.title", equalTo("My Renamed Novel"))
                .body("data.wordGoal", equalTo(60000))
                .body("data.treeSeason", equalTo("winter"));
        get(token, id).statusCode(200).body("data.project.treeSeason", equalTo("winter"));
    }

    @Test
    void patchValidatesLikeCreation() {
        String token = TestTokens.forUser(UUID.randomUUID());
        UUID id = create(token, "{}");

        patch(token, id, "{}")
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.message", equalTo("Nothing to update"));
        patch(token, id, "{\"title\": null}").statusCode(400).body("error.message", equalTo("Nothing to update"));
        patch(token, id, "{\"wordGoal\": 999}")
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("wordGoal"));
        patch(token, id, "{\"wordGoal\": \"60000\"}").statusCode(400).body("error.details.field", equalTo("wordGoal"));
        patch(token, id, "{\"treeSpecies\": \"baobab\"}")
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("treeSpecies"))
                .body("error.details.allowed", hasItem("cherry"));
        patch(token, id, "{\"treeSeason\": \"monsoon\"}")
                .statusCode(400)
                .body("error.details.field", equalTo("treeSeason"));
        patch(token, id, "{\"title\": \"  \"}").statusCode(400).body("error.details.field", equalTo("title"));
        patch(token, id, "{\"title\": ").statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));

        get(token, id)
                .statusCode(200)
                .body("data.project.title", equalTo("Untitled Project"))
                .body("data.project.wordGoal", equalTo(50000));
    }

    @Test
    void aHigherGoalMakesACompletedProjectActiveAgain() throws Exception {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        UUID id = create(token, "{\"wordGoal\": 1000}");
        Instant savedAt = Instant.now();
        LocalKafka.publish(ContentSaved.of(user, id, 1, 1200, 1200, savedAt, null));
        LocalKafka.publish(MilestoneReached.of(user, id, "100_percent", 1200, 1000, savedAt));
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(status(token, id)));

        // still reached: stays completed
        patch(token, id, "{\"wordGoal\": 1100}").statusCode(200).body("data.status", equalTo("completed"));
        // no longer reached: active again, completion forgotten
        patch(token, id, "{\"wordGoal\": 2000}")
                .statusCode(200)
                .body("data.status", equalTo("active"))
                .body("data.progress", equalTo(60.0));
        assertEquals(
                "active",
                awaitEvent(ProjectUpdated.class, id, e -> e.wordGoal() == 2000).status());
        assertEquals(Optional.empty(), completedAt(id));

        // archiving and restoring an active project brings it back active
        delete(token, id, "").statusCode(200);
        restore(token, id).statusCode(200).body("data.status", equalTo("active"));
    }

    @Test
    void archiveHidesTheProjectAndRestoreBringsItBack() throws Exception {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        UUID kept = create(token, "{\"title\": \"Kept\"}");
        UUID id = create(token, "{\"title\": \"Shelved\"}");

        delete(token, id, "")
                .statusCode(200)
                .body("success", is(true))
                .body("message", equalTo("Project archived successfully."))
                .body("data.status", equalTo("archived"));
        assertEquals(user, awaitEvent(ProjectArchived.class, id).userId());
        // idempotent: archiving again answers the same and publishes nothing more
        delete(token, id, "?permanent=false")
                .statusCode(200)
                .body("message", equalTo("Project archived successfully."));
        assertEquals(1, outboxCount("ProjectArchived", id));

        // the default list hides archived projects; status=archived shows them
        given().auth()
                .oauth2(token)
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .body("data.total", equalTo(1))
                .body("data.projects.id", hasItem(kept.toString()))
                .body("data.projects.id", not(hasItem(id.toString())));
        given().auth()
                .oauth2(token)
                .queryParam("status", "archived")
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .body("data.total", equalTo(1))
                .body("data.projects[0].id", equalTo(id.toString()));
        get(token, id).statusCode(200).body("data.project.status", equalTo("archived"));

        // an archived project cannot be changed
        patch(token, id, "{\"title\": \"Edited\"}")
                .statusCode(409)
                .body("error.code", equalTo("PROJECT_ARCHIVED"))
                .body("error.message", containsString("restore"));

        restore(token, id)
                .statusCode(200)
                .body("success", is(true))
                .body("message", equalTo("Project restored successfully."))
                .body("data.status", equalTo("active"));
        assertEquals("active", awaitEvent(ProjectRestored.class, id).status());
        // idempotent
        restore(token, id).statusCode(200).body("data.status", equalTo("active"));
        assertEquals(1, outboxCount("ProjectRestored", id));
        patch(token, id, "{\"title\": \"Edited\"}").statusCode(200).body("data.title", equalTo("Edited"));
    }

    @Test
    void aCompletedProjectIsRestoredAsCompleted() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        UUID id = create(token, "{\"wordGoal\": 1000}");
        LocalKafka.publish(MilestoneReached.of(user, id, "100_percent", 1000, 1000, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(status(token, id)));

        delete(token, id, "").statusCode(200).body("data.status", equalTo("archived"));
        restore(token, id).statusCode(200).body("data.status", equalTo("completed"));
        assertEquals("completed", awaitEvent(ProjectRestored.class, id).status());
    }

    @Test
    void permanentDeletionNeedsTheProjectIdAsConfirmation() throws Exception {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        UUID id = create(token, "{\"title\": \"Doomed\"}");

        delete(token, id, "?permanent=true")
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("confirm"))
                .body("error.message", containsString("confirm=" + id));
        delete(token, id, "?permanent=true&confirm=" + UUID.randomUUID())
                .statusCode(400)
                .body("error.details.field", equalTo("confirm"));
        delete(token, id, "?permanent=maybe&confirm=" + id)
                .statusCode(400)
                .body("error.details.field", equalTo("permanent"));
        // only exactly "true" deletes (issue #8, item 9): not TRUE, True, " true", 1 or yes
        for (String notTrue : List.of("TRUE", "True", "%20true", "1", "yes")) {
            delete(token, id, "?permanent=" + notTrue + "&confirm=" + id)
                    .statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details.field", equalTo("permanent"));
        }
        get(token, id).statusCode(200).body("data.project.status", equalTo("active"));

        delete(token, id, "?permanent=true&confirm=" + id)
                .statusCode(200)
                .body("success", is(true))
                .body("message", equalTo("Project deleted permanently."))
                .body("data", nullValue());
        assertEquals(user, awaitEvent(ProjectDeleted.class, id).userId());
        get(token, id).statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        delete(token, id, "?permanent=true&confirm=" + id).statusCode(404);
        assertEquals(0, projectRows(id));
    }

    @Test
    void aFreeUserHasAtMostFiveProjectsInUse() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(token, "{\"title\": \"Book " + i + "\"}"));
        }
        post(token, "{\"title\": \"One too many\"}")
                .statusCode(403)
                .body("success", is(false))
                .body("error.code", equalTo("MAX_PROJECTS_REACHED"))
                .body("error.message", equalTo("Free tier limited to 5 projects"))
                .body("error.details.limit", equalTo(5));

        // archived projects do not count; restoring one counts again
        delete(token, ids.get(0), "").statusCode(200);
        UUID sixth = create(token, "{\"title\": \"Room again\"}");
        restore(token, ids.get(0)).statusCode(403).body("error.code", equalTo("MAX_PROJECTS_REACHED"));
        get(token, ids.get(0)).statusCode(200).body("data.project.status", equalTo("archived"));
        delete(token, sixth, "?permanent=true&confirm=" + sixth).statusCode(200);
        restore(token, ids.get(0)).statusCode(200).body("data.status", equalTo("active"));

        // premium has no limit
        String premium = TestTokens.sign(TestTokens.claims(user).claim("tier", "premium"));
        post(premium, "{\"title\": \"Premium six\"}").statusCode(201);
        post(premium, "{\"title\": \"Premium seven\"}").statusCode(201);
        post(token, "{\"title\": \"Free again\"}").statusCode(403);
    }

    @Test
    void concurrentCreationsOfAFreeUserStopAtFive() throws Exception {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        int attempts = 10;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                HttpRequest request = HttpRequest.newBuilder(projectsUri)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Race " + i + "\"}"))
                        .build();
                Callable<Integer> createOne = () -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                };
                answers.add(pool.submit(createOne));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(5, statuses.stream().filter(s -> s == 201).count(), "201s among " + statuses);
            assertEquals(5, statuses.stream().filter(s -> s == 403).count(), "403s among " + statuses);
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(token)
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .body("data.total", equalTo(5))
                .body("data.projects", hasSize(5));
    }

    @Test
    void everyEndpointAnswers404ForSomeoneElsesProjectAsForAnUnknownOne() {
        String owner = TestTokens.forUser(UUID.randomUUID());
        String stranger = TestTokens.forUser(UUID.randomUUID());
        UUID id = create(owner, "{\"title\": \"Private\"}");
        UUID archived = create(owner, "{\"title\": \"Private and archived\"}");
        delete(owner, archived, "").statusCode(200);

        for (UUID target : List.of(id, archived)) {
            // a stranger cannot tell someone else's project from an id that does not exist (issue #8, item 9)
            get(stranger, target).statusCode(404).body("error.code", equalTo("NOT_FOUND"));
            patch(stranger, target, "{\"title\": \"Mine now\"}")
                    .statusCode(404)
                    .body("error.code", equalTo("NOT_FOUND"));
            delete(stranger, target, "").statusCode(404).body("error.code", equalTo("NOT_FOUND"));
            delete(stranger, target, "?permanent=true&confirm=" + target).statusCode(404);
            delete(stranger, target, "?permanent=true").statusCode(404);
            restore(stranger, target).statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        }
        get(owner, id).statusCode(200).body("data.project.title", equalTo("Private"));
        get(owner, archived).statusCode(200).body("data.project.status", equalTo("archived"));

        UUID unknown = UUID.randomUUID();
        get(owner, unknown).statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        patch(owner, unknown, "{\"title\": \"x\"}").statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        delete(owner, unknown, "").statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        delete(owner, unknown, "?permanent=true&confirm=" + unknown).statusCode(404);
        restore(owner, unknown).statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().auth()
                .oauth2(owner)
                .when()
                .post("/projects/not-a-uuid/restore")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(owner)
                .when()
                .delete("/projects/not-a-uuid")
                .then()
                .statusCode(404);

        given().when()
                .delete("/projects/" + id)
                .then()
                .statusCode(401)
                .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        given().when().post("/projects/" + id + "/restore").then().statusCode(401);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static ValidatableResponse post(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/projects")
                .then();
    }

    private static UUID create(String token, String body) {
        return UUID.fromString(post(token, body).statusCode(201).extract().path("data.id"));
    }

    private static ValidatableResponse get(String token, UUID id) {
        return given().auth().oauth2(token).when().get("/projects/" + id).then();
    }

    private static String status(String token, UUID id) {
        return get(token, id).statusCode(200).extract().path("data.project.status");
    }

    private static ValidatableResponse patch(String token, UUID id, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/projects/" + id)
                .then();
    }

    private static ValidatableResponse delete(String token, UUID id, String query) {
        return given().auth()
                .oauth2(token)
                .when()
                .delete("/projects/" + id + query)
                .then();
    }

    private static ValidatableResponse restore(String token, UUID id) {
        return given().auth()
                .oauth2(token)
                .when()
                .post("/projects/" + id + "/restore")
                .then();
    }

    /** The first event of {@code type} about {@code projectId} on test.project-events. */
    private static <T extends IntegrationEvent> T awaitEvent(Class<T> type, UUID projectId) {
        return awaitEvent(type, projectId, e -> true);
    }

    private static <T extends IntegrationEvent> T awaitEvent(Class<T> type, UUID projectId, Predicate<T> wanted) {
        Function<String, Optional<T>> decode = json -> EventCodec.decode(json)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> e.key().equals(projectId.toString()))
                .filter(wanted);
        return projectEvents.awaitMatch(json -> decode.apply(json).isPresent(), EVENT_WAIT).stream()
                .map(decode)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow();
    }

    private long outboxCount(String type, UUID projectId) throws Exception {
        return queryLong(
                "SELECT count(*) FROM outbox_events WHERE event_type = ? AND event_key = ?",
                type,
                projectId.toString());
    }

    private long projectRows(UUID projectId) throws Exception {
        return queryLong("SELECT count(*) FROM projects WHERE id = ?", projectId);
    }

    private Optional<Instant> completedAt(UUID projectId) {
        return Optional.ofNullable(TestSql.single(
                        dataSource, OffsetDateTime.class, "SELECT completed_at FROM projects WHERE id = ?", projectId))
                .map(OffsetDateTime::toInstant);
    }

    private long queryLong(String sql, Object... params) {
        return TestSql.single(dataSource, Long.class, sql, params);
    }
}
