package com.writerstree.project.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * project-service against the real PostgreSQL (writerstree_test, schema project) and Kafka (topics prefixed
 * {@code test.}). Every test works with users of its own, so the tests do not depend on each other or on order.
 */
@QuarkusTest
class ProjectResourceTest {

    private static final String HEX_64 = "[0-9a-f]{64}";

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void numbersAsDoubles() {
        RestAssured.config =
                RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    @Test
    void createsAProjectWithATreeSeedAndPublishesProjectCreated() {
        UUID user = UUID.randomUUID();
        String id = given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("""
                        {"title": "  My New Story  ", "wordGoal": 75000, "treeSpecies": "willow", "treeSeason": "summer"}""")
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .body("success", is(true))
                .body("message", equalTo("Project created successfully."))
                .body("data.title", equalTo("My New Story"))
                .body("data.wordGoal", equalTo(75000))
                .body("data.currentWordCount", equalTo(0))
                .body("data.progress", equalTo(0.0))
                .body("data.treeSeed", matchesPattern(HEX_64))
                .body("data.treeSpecies", equalTo("willow"))
                .body("data.treeSeason", equalTo("summer"))
                .body("data.status", equalTo("active"))
                .body("data.userId", equalTo(user.toString()))
                .body("data.createdAt", notNullValue())
                .body("data.lastEditedAt", notNullValue())
                .extract()
                .path("data.id");

        given().auth()
                .oauth2(token(user))
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/projects")
                .then()
                .statusCode(201)
                .body("data.title", equalTo("Untitled Project"))
                .body("data.wordGoal", equalTo(50000))
                .body("data.treeSpecies", equalTo("oak"))
                .body("data.treeSeason", equalTo("spring"))
                .body("data.treeSeed", matchesPattern(HEX_64));

        // the outbox row is written with the project and marked published once Kafka acknowledged it
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedEvent("ProjectCreated", id));
    }

    @Test
    void rejectsInvalidBodiesWithTheValidationEnvelope() {
        String token = token(UUID.randomUUID());
        post(token, "{\"title\": \"Too short a goal\", \"wordGoal\": 500}")
                .statusCode(400)
                .body("success", is(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("wordGoal"))
                .body("error.requestId", startsWith("req-"))
                .body("error.timestamp", notNullValue());
        post(token, "{\"wordGoal\": 20000000}").statusCode(400).body("error.details.field", equalTo("wordGoal"));
        post(token, "{\"wordGoal\": \"abc\"}")
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("wordGoal"));
        post(token, "{\"wordGoal\": 50000.5}").statusCode(400).body("error.details.field", equalTo("wordGoal"));
        post(token, "{\"treeSpecies\": \"baobab\"}")
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("treeSpecies"))
                .body("error.details.allowed", hasItems("oak", "willow", "pine", "maple", "cherry"));
        post(token, "{\"treeSeason\": \"monsoon\"}").statusCode(400).body("error.details.field", equalTo("treeSeason"));
        post(token, "{\"title\": \"   \"}").statusCode(400).body("error.details.field", equalTo("title"));
        post(token, "{\"title\": \"" + "x".repeat(501) + "\"}")
                .statusCode(400)
                .body("error.details.field", equalTo("title"));
        post(token, "{\"title\": ")
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.requestId", notNullValue());
    }

    /** Issue #8, items 4, 5 and 9: text PostgreSQL or Java would refuse or alter is a 400; nothing is stored. */
    @Test
    void invalidTextAndDuplicateKeysAreRefusedAndNothingIsStored() {
        UUID user = UUID.randomUUID();
        String token = token(user);
        for (String body : List.of(
                "{\"title\": \"Nul\\u0000title\"}",
                "{\"title\": \"Lone \\ud800 surrogate\"}",
                "{\"title\": \"Low \\udc00\"}",
                "{\"title\": \"A\", \"title\": \"B\"}")) {
            post(token, body)
                    .statusCode(400)
                    .body("success", is(false))
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.requestId", notNullValue());
        }
        // raw bytes: an overlong '/' (C0 AF) and a UTF-8-encoded surrogate (ED A0 80)
        for (byte[] bad :
                List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] prefix = "{\"title\": \"x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] body = new byte[prefix.length + bad.length + 2];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            System.arraycopy(bad, 0, body, prefix.length, bad.length);
            body[body.length - 2] = '"';
            body[body.length - 1] = '}';
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(body)
                    .when()
                    .post("/projects")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"));
        }
        // a NUL in a query parameter
        given().auth()
                .oauth2(token)
                .urlEncodingEnabled(false)
                .when()
                .get("/projects?status=active%00")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .body("data.projects", hasSize(0));
        // valid text of every plane is stored as sent
        post(token, "{\"title\": \"Caf\u00e9 \\ud83d\\ude00 東京\"}")
                .statusCode(201)
                .body("data.title", equalTo("Café 😀 東京"));
    }

    @Test
    void requiresAValidToken() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"Test\"}")
                .when()
                .post("/projects")
                .then()
                .statusCode(401)
                .body("success", is(false))
                .body("error.code", equalTo("AUTHENTICATION_REQUIRED"))
                .body("error.requestId", notNullValue());
        given().auth()
                .oauth2("not-a-token")
                .when()
                .get("/projects")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void listsOnlyTheCallersProjectsMostRecentFirst() {
        UUID user = UUID.randomUUID();
        String token = token(user);
        // distinct creation milliseconds make the order deterministic: each creation waits for the clock to pass the
        // previous one's
        awaitClockPast(createdAt(post(token, "{\"title\": \"First\"}").statusCode(201)));
        awaitClockPast(createdAt(post(token, "{\"title\": \"Second\"}").statusCode(201)));
        post(token, "{\"title\": \"Third\"}").statusCode(201);
        post(token(UUID.randomUUID()), "{\"title\": \"Someone else's\"}").statusCode(201);

        given().auth()
                .oauth2(token)
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .body("success", is(true))
                .body("data.total", equalTo(3))
                .body("data.limit", equalTo(50))
                .body("data.offset", equalTo(0))
                .body("data.projects.title", contains("Third", "Second", "First"));
        given().auth()
                .oauth2(token)
                .queryParam("limit", 2)
                .queryParam("offset", 2)
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .body("data.total", equalTo(3))
                .body("data.limit", equalTo(2))
                .body("data.offset", equalTo(2))
                .body("data.projects", hasSize(1))
                .body("data.projects[0].title", equalTo("First"))
                .body("data.projects[0].treeSeed", matchesPattern(HEX_64));
        given().auth()
                .oauth2(token)
                .queryParam("status", "active")
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .body("data.total", equalTo(3));
        given().auth()
                .oauth2(token)
                .queryParam("status", "archived")
                .when()
                .get("/projects")
                .then()
                .statusCode(200)
                .body("data.total", equalTo(0))
                .body("data.projects", hasSize(0));

        for (Map.Entry<String, String> bad :
                Map.of("status", "deleted", "limit", "0", "offset", "-1").entrySet()) {
            given().auth()
                    .oauth2(token)
                    .queryParam(bad.getKey(), bad.getValue())
                    .when()
                    .get("/projects")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details.field", equalTo(bad.getKey()));
        }
        given().auth()
                .oauth2(token)
                .queryParam("limit", "101")
                .when()
                .get("/projects")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token)
                .queryParam("limit", "abc")
                .when()
                .get("/projects")
                .then()
                .statusCode(400);
    }

    @Test
    void answersOnlyTheOwnerForOneProject() {
        UUID owner = UUID.randomUUID();
        String id = post(token(owner), "{\"title\": \"Mine\", \"wordGoal\": 60000}")
                .statusCode(201)
                .extract()
                .path("data.id");

        given().auth()
                .oauth2(token(owner))
                .when()
                .get("/projects/" + id)
                .then()
                .statusCode(200)
                .body("success", is(true))
                .body("data.project.id", equalTo(id))
                .body("data.project.userId", equalTo(owner.toString()))
                .body("data.project.title", equalTo("Mine"))
                .body("data.project.wordGoal", equalTo(60000))
                .body("data.project.status", equalTo("active"))
                .body("data.project.treeSeed", matchesPattern(HEX_64));
        given().auth()
                .oauth2(token(UUID.randomUUID()))
                .when()
                .get("/projects/" + id)
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        given().auth()
                .oauth2(token(owner))
                .when()
                .get("/projects/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        given().auth()
                .oauth2(token(owner))
                .when()
                .get("/projects/not-a-uuid")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void followsContentEventsIdempotentlyAndInVersionOrder() throws Exception {
        UUID user = UUID.randomUUID();
        String token = token(user);
        UUID project = UUID.fromString(
                post(token, "{\"wordGoal\": 50000}").statusCode(201).extract().path("data.id"));
        Instant savedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ContentSaved v3 = ContentSaved.of(user, project, 3, 12_847, 347, savedAt, null);

        LocalKafka.publish(v3);
        await().atMost(Duration.ofSeconds(10)).until(() -> wordCount(token, project) == 12_847);
        getProject(token, project)
                .body("data.project.progress", equalTo(25.69))
                .body("data.project.lastEditedAt", equalTo(savedAt.toString()));

        // a redelivery of v3 and an older version arriving late change nothing
        ContentSaved v2 = ContentSaved.of(user, project, 2, 100, -12_400, savedAt.plusSeconds(60), null);
        LocalKafka.publish(v3);
        LocalKafka.publish(v2);
        // same key, same partition: once v2 is recorded as processed, the duplicate before it was handled too
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(v2.eventId()));
        getProject(token, project)
                .body("data.project.currentWordCount", equalTo(12847))
                .body("data.project.progress", equalTo(25.69))
                .body("data.project.lastEditedAt", equalTo(savedAt.toString()));
        assertEquals(3, contentVersion(project));

        // a 100% milestone of another goal (the goal changed meanwhile) changes nothing
        MilestoneReached formerGoal = MilestoneReached.of(user, project, "100_percent", 40_000, 40_000, savedAt);
        LocalKafka.publish(formerGoal);
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(formerGoal.eventId()));
        getProject(token, project).body("data.project.status", equalTo("active"));

        // the 100% milestone completes the project and publishes ProjectCompleted
        LocalKafka.publish(MilestoneReached.of(user, project, "100_percent", 50_000, 50_000, savedAt));
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        "completed".equals(getProject(token, project).extract().path("data.project.status")));
        assertTrue(outboxHas("ProjectCompleted", project.toString()));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String token(UUID userId) {
        return TestTokens.forUser(userId);
    }

    private static ValidatableResponse post(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/projects")
                .then();
    }

    private static Instant createdAt(ValidatableResponse created) {
        return Instant.parse(created.extract().path("data.createdAt"));
    }

    private static void awaitClockPast(Instant instant) {
        await().pollInterval(Duration.ofMillis(1))
                .atMost(Duration.ofSeconds(1))
                .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant));
    }

    private static ValidatableResponse getProject(String token, UUID id) {
        return given().auth().oauth2(token).when().get("/projects/" + id).then().statusCode(200);
    }

    private static int wordCount(String token, UUID id) {
        return getProject(token, id).extract().path("data.project.currentWordCount");
    }

    private boolean publishedEvent(String type, String key) throws Exception {
        return queryBoolean(
                "SELECT count(*) > 0 FROM outbox_events WHERE event_type = ? AND event_key = ? "
                        + "AND published_at IS NOT NULL",
                type,
                key);
    }

    private boolean outboxHas(String type, String key) throws Exception {
        return queryBoolean("SELECT count(*) > 0 FROM outbox_events WHERE event_type = ? AND event_key = ?", type, key);
    }

    private boolean processed(UUID eventId) throws Exception {
        return queryBoolean(
                "SELECT count(*) > 0 FROM processed_events WHERE event_id = ? AND consumer = ?",
                eventId,
                "project-service");
    }

    private int contentVersion(UUID project) {
        return TestSql.single(dataSource, Integer.class, "SELECT content_version FROM projects WHERE id = ?", project);
    }

    private boolean queryBoolean(String sql, Object... params) {
        return TestSql.single(dataSource, Boolean.class, sql, params);
    }
}
