package com.writerstree.content.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.content.domain.WordCounter;
import com.writerstree.content.persistence.VersionHistoryRepository;
import com.writerstree.contracts.project.v1.ProjectEvents;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestTokens;
import com.writerstree.platform.web.SuiteHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * content-service against the real PostgreSQL (schema content in writerstree_test) and Kafka (topics
 * test.project-events in, test.content-events out). Projects become known the way they do in production: by a
 * ProjectCreated event, or by asking project-service (a real HTTP stub here).
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
class ContentResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    VersionHistoryRepository versions;

    // ------------------------------------------------------------------------------------------------ saving

    @Test
    void savesBecomeVersionsWithTheServersWordCount() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        String token = token(user);

        save(token, project, Map.of("content", "It was a dark and stormy night."))
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Content saved successfully."))
                .body("data.version", equalTo(1))
                .body("data.wordCount", equalTo(7))
                .body("data.savedAt", notNullValue())
                .body("data.milestoneReached", nullValue());

        String second = "# Chapter 1\n\nIt was a dark and stormy night — the well-known kind.";
        save(token, project, Map.of("content", second, "wordCount", 999, "cursorPosition", 12, "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2))
                .body("data.wordCount", equalTo(WordCounter.count(second)));

        // identical text: no new version
        save(token, project, Map.of("content", second, "version", 2))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2))
                .body("data.wordCount", equalTo(WordCounter.count(second)));

        read(token, project)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.content.text", equalTo(second))
                .body("data.content.version", equalTo(2))
                .body("data.content.wordCount", equalTo(WordCounter.count(second)))
                .body("data.content.lastSavedAt", notNullValue())
                .body("data.milestones", hasSize(0));
    }

    @Test
    void aSaveOnAStaleVersionIsAConflictThatCarriesTheServersText() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        String token = token(user);
        save(token, project, Map.of("content", "first draft"))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(1));
        save(token, project, Map.of("content", "second draft", "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2));

        save(token, project, Map.of("content", "edited on an old device", "version", 1))
                .then()
                .statusCode(409)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VERSION_CONFLICT"))
                .body("error.details.serverVersion", equalTo(2))
                .body("error.details.clientVersion", equalTo(1))
                .body("error.details.serverContent", equalTo("second draft"));

        read(token, project)
                .then()
                .body("data.content.text", equalTo("second draft"))
                .body("data.content.version", equalTo(2));
        save(token, project, Map.of("content", "merged by hand", "version", 2))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(3));
    }

    /** Issue #8, items 4, 5 and 9: NUL, unpaired surrogates, invalid UTF-8, duplicate keys: 400, nothing stored. */
    @Test
    void invalidTextIsRefusedAndNothingIsStored() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        String token = token(user);
        save(token, project, Map.of("content", "kept")).then().statusCode(200).body("data.version", equalTo(1));
        for (String body : List.of(
                "{\"content\": \"a\\u0000b\", \"version\": 1}",
                "{\"content\": \"lone \\ud800\", \"version\": 1}",
                "{\"content\": \"x\", \"content\": \"y\", \"version\": 1}",
                "{\"patch\": [{\"op\": \"insert\", \"pos\": 0, \"text\": \"\\u0000\"}], \"version\": 1}")) {
            given().header("Authorization", "Bearer " + token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .put(path(project))
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"));
        }
        byte[] overlong = {
            '{', '"', 'c', 'o', 'n', 't', 'e', 'n', 't', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'
        };
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(overlong)
                .when()
                .put(path(project))
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        // a snapshot label (read as a raw string body) with NUL
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"label\": \"v\\u0000\"}")
                .when()
                .post("/projects/" + project + "/versions")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        read(token, project).then().body("data.content.text", equalTo("kept")).body("data.content.version", equalTo(1));
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/projects/" + project + "/versions")
                .then()
                .statusCode(200)
                .body("data.versions", hasSize(0));
    }

    @Test
    void aNeverSavedProjectReadsAsEmpty() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        read(token(user), project)
                .then()
                .statusCode(200)
                .body("data.content.text", equalTo(""))
                .body("data.content.version", equalTo(0))
                .body("data.content.wordCount", equalTo(0))
                .body("data.content.lastSavedAt", nullValue())
                .body("data.milestones", hasSize(0));
    }

    @Test
    void parallelSavesEachGetTheirOwnVersion() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 1_000_000);
        String token = token(user);
        save(token, project, Map.of("content", "start")).then().statusCode(200).body("data.version", equalTo(1));

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<JsonNode>> saves = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String text = "parallel save " + i + " " + words(i + 1);
                saves.add(CompletableFuture.supplyAsync(() -> putRaw(http, token, project, text), pool));
            }
            Set<Integer> versionsSeen = new HashSet<>();
            for (CompletableFuture<JsonNode> save : saves) {
                JsonNode answer = save.get();
                assertTrue(answer.path("success").asBoolean(), answer.toString());
                versionsSeen.add(answer.path("data").path("version").asInt());
            }
            assertEquals(IntStream.rangeClosed(2, 21).boxed().collect(Collectors.toSet()), versionsSeen);
        } finally {
            pool.shutdownNow();
        }

        Response stored = read(token, project);
        stored.then().statusCode(200).body("data.content.version", equalTo(21));
        String finalText = stored.path("data.content.text");
        assertTrue(finalText.startsWith("parallel save "));
        assertEquals(WordCounter.count(finalText), (int) stored.path("data.content.wordCount"));
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @Test
    void anotherUsersProjectIsNotFoundLikeAnUnknownOne() {
        UUID owner = UUID.randomUUID();
        UUID project = announceProject(owner, 50000);
        save(token(owner), project, Map.of("content", "mine")).then().statusCode(200);

        String intruder = token(UUID.randomUUID());
        // the same answer as for an id that does not exist: a stranger learns nothing (issue #8, item 9)
        save(intruder, project, Map.of("content", "not yours"))
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        read(intruder, project).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        read(token(owner), project).then().body("data.content.text", equalTo("mine"));
    }

    @Test
    void withoutAValidTokenNothingIsSavedOrRead() {
        UUID project = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body("{\"content\":\"x\"}")
                .when()
                .put(path(project))
                .then()
                .statusCode(401)
                .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        given().header("Authorization", "Bearer not-a-token")
                .when()
                .get(path(project))
                .then()
                .statusCode(401)
                .body("error.code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void contentAboveTheSizeLimitIsRefusedAndNothingChanges() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        String token = token(user);
        save(token, project, Map.of("content", "kept")).then().statusCode(200);

        String tooLarge = "{\"content\":\"" + "a".repeat(5 * 1024 * 1024 + 1) + "\"}";
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(tooLarge)
                .when()
                .put(path(project))
                .then()
                .statusCode(413)
                .body("success", equalTo(false))
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("error.requestId", notNullValue());

        read(token, project).then().body("data.content.text", equalTo("kept")).body("data.content.version", equalTo(1));
    }

    @Test
    void malformedOrIncompleteBodiesAreValidationErrors() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        String token = token(user);

        given().header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "req-malformed-1")
                .contentType(ContentType.JSON)
                .body("{\"content\": \"unterminated")
                .when()
                .put(path(project))
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.requestId", equalTo("req-malformed-1"));

        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"wordCount\": 3}")
                .when()
                .put(path(project))
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("content"));

        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body("{\"content\": \"text\", \"version\": \"three\"}")
                .when()
                .put(path(project))
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("version"));

        read(token, project).then().body("data.content.version", equalTo(0));
    }

    @Test
    void anArchivedProjectIsReadOnlyUntilRestoredAndADeletedOneIsGone() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        String token = token(user);
        save(token, project, Map.of("content", "before archiving")).then().statusCode(200);

        publish(ProjectEvents.ProjectArchived.of(user, project));
        // polled with the unchanged text: it creates no version while the archive event is on its way
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> save(token, project, Map.of("content", "before archiving"))
                        .then()
                        .statusCode(409)
                        .body("error.code", equalTo("PROJECT_ARCHIVED")));
        save(token, project, Map.of("content", "while archived"))
                .then()
                .statusCode(409)
                .body("error.code", equalTo("PROJECT_ARCHIVED"));
        read(token, project).then().statusCode(200).body("data.content.text", equalTo("before archiving"));

        publish(ProjectEvents.ProjectRestored.of(user, project, "active"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> save(token, project, Map.of("content", "restored"))
                        .then()
                        .statusCode(200)
                        .body("data.version", equalTo(2)));

        publish(ProjectEvents.ProjectDeleted.of(user, project));
        // project-service (the stub) does not know the project either: it is gone
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> read(token, project).then().statusCode(404).body("error.code", equalTo("NOT_FOUND")));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> versions.count("projectId", project)));
    }

    // -------------------------------------------------------------------------------------- project-service lookup

    @Test
    void aProjectNotAnnouncedYetIsLookedUpAtProjectServiceOnTheCallersBehalf() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String token = token(user);
        ProjectServiceStub.answer(
                project, Map.of("answer", 200, "userId", user.toString(), "wordGoal", 2000, "status", "active"));

        given().header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "req-lookup-1")
                .contentType(ContentType.JSON)
                .body(Map.of("content", "saved before ProjectCreated arrived"))
                .when()
                .put(path(project))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(1))
                .body("data.wordCount", equalTo(4));

        Response seen = ProjectServiceStub.seen(project);
        assertEquals("Bearer " + token, seen.path("authorization"));
        assertEquals("req-lookup-1", seen.path("requestId"));

        // the replica now knows the owner: another user is refused without asking again
        save(token(UUID.randomUUID()), project, Map.of("content", "intruder"))
                .then()
                .statusCode(404);
    }

    @Test
    void projectServiceRefusalsAndOutagesReachTheClient() {
        String token = token(UUID.randomUUID());
        UUID foreign = UUID.randomUUID();
        ProjectServiceStub.answer(foreign, Map.of("answer", 403)); // an older project-service: still 404 to the client
        save(token, foreign, Map.of("content", "x")).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));

        UUID unknown = UUID.randomUUID();
        read(token, unknown).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));

        UUID slow = UUID.randomUUID();
        ProjectServiceStub.answer(
                slow, Map.of("answer", 200, "userId", UUID.randomUUID().toString(), "wordGoal", 1000, "delayMs", 3000));
        save(token, slow, Map.of("content", "x"))
                .then()
                .statusCode(503)
                .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"));
    }

    // ------------------------------------------------------------------------------------ milestones, snapshots

    @Test
    void aMilestoneIsReachedOnceAndSnapshotted() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 1000);
        String token = token(user);

        save(token, project, Map.of("content", words(260)))
                .then()
                .statusCode(200)
                .body("data.wordCount", equalTo(260))
                .body("data.milestoneReached.type", equalTo("25_percent"))
                .body("data.milestoneReached.wordCount", equalTo(260))
                .body("data.milestoneReached.achievedAt", notNullValue());
        save(token, project, Map.of("content", words(270)))
                .then()
                .statusCode(200)
                .body("data.milestoneReached", nullValue());

        read(token, project)
                .then()
                .statusCode(200)
                .body("data.milestones", hasSize(1))
                .body("data.milestones[0].type", equalTo("25_percent"))
                .body("data.milestones[0].wordCount", equalTo(260))
                .body("data.milestones[0].achievedAt", notNullValue());

        List<String> snapshots = QuarkusTransaction.requiringNew()
                .call(() -> versions.list("projectId", project).stream()
                        .map(s -> s.snapshotType + ":" + s.versionNumber + ":" + s.metadata.get("milestone"))
                        .toList());
        assertEquals(List.of("milestone:1:25_percent"), snapshots);

        // several thresholds at once: all recorded, the highest answered
        save(token, project, Map.of("content", words(800)))
                .then()
                .statusCode(200)
                .body("data.milestoneReached.type", equalTo("75_percent"));
        read(token, project)
                .then()
                .body("data.milestones.type", equalTo(List.of("25_percent", "50_percent", "75_percent")));
    }

    @Test
    void automaticSnapshotsEveryThousandWordsKeepTheNewestTen() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 10_000_000);
        String token = token(user);
        save(token, project, Map.of("content", words(999))).then().statusCode(200);
        for (int thousands = 1; thousands <= 12; thousands++) {
            save(token, project, Map.of("content", words(thousands * 1000)))
                    .then()
                    .statusCode(200);
        }
        save(token, project, Map.of("content", words(12_500))).then().statusCode(200); // same thousand: no snapshot

        List<Integer> kept = QuarkusTransaction.requiringNew()
                .call(() -> versions.list("projectId = ?1 order by versionNumber", project).stream()
                        .peek(s -> assertEquals("auto", s.snapshotType))
                        .map(s -> s.wordCount)
                        .toList());
        assertEquals(IntStream.rangeClosed(3, 12).map(i -> i * 1000).boxed().toList(), kept);
    }

    // ---------------------------------------------------------------------------------------------- events

    @Test
    void savesAndMilestonesArePublishedWithoutTheText() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 1000);
        String token = token(user);
        given().header("Authorization", "Bearer " + token)
                .header(SuiteHeaders.SYNC_ORIGIN, "device-42")
                .contentType(ContentType.JSON)
                .body(Map.of("content", words(300)))
                .when()
                .put(path(project))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(1));
        save(token, project, Map.of("content", words(200)))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2));
        // the same text again: no version, so no event either (checked below: nothing beyond the three arrives)
        save(token, project, Map.of("content", words(200), "version", 2))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2));

        Map<String, JsonNode> events = consumeContentEvents(project, 3);
        JsonNode first = events.get("ContentSaved:1");
        assertEquals(user.toString(), first.path("userId").asText());
        assertEquals(project.toString(), first.path("projectId").asText());
        assertEquals(300, first.path("wordCount").asInt());
        assertEquals(300, first.path("wordDelta").asInt());
        assertEquals("device-42", first.path("origin").asText());
        assertFalse(first.path("savedAt").isMissingNode());
        assertFalse(first.path("eventId").isMissingNode());
        JsonNode second = events.get("ContentSaved:2");
        assertEquals(200, second.path("wordCount").asInt());
        assertEquals(-100, second.path("wordDelta").asInt());
        assertTrue(second.path("origin").isNull());
        JsonNode milestone = events.get("MilestoneReached:25_percent");
        assertEquals(300, milestone.path("wordCount").asInt());
        assertEquals(1000, milestone.path("wordGoal").asInt());
        for (JsonNode event : events.values()) {
            assertFalse(event.has("content") || event.has("text"), "an event carries text: " + event);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Publishes ProjectCreated like project-service does and waits until content-service applied it. */
    private UUID announceProject(UUID user, int wordGoal) {
        UUID project = UUID.randomUUID();
        publish(ProjectEvents.ProjectCreated.of(user, project, "A novel", wordGoal, "active"));
        String token = token(user);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> read(token, project).then().statusCode(200));
        return project;
    }

    private static void publish(IntegrationEvent event) {
        LocalKafka.publish(event);
    }

    private static Map<String, JsonNode> consumeContentEvents(UUID project, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "content-resource-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, JsonNode> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(LocalKafka.TEST_PREFIX + "content-events"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                collect(consumer, project, found);
                return found.size() >= expected;
            });
            // and nothing more: for two seconds no other event of the project arrives (Awaitility during(): it keeps
            // reading all along; a redelivered copy of an event already seen is the same entry)
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
                collect(consumer, project, found);
                return found.size() == expected;
            });
        }
        return found;
    }

    /** Adds the project's events of one poll to {@code found}, keyed "type:version" or "MilestoneReached:type". */
    private static void collect(KafkaConsumer<String, String> consumer, UUID project, Map<String, JsonNode> found)
            throws Exception {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
            if (!project.toString().equals(record.key())) {
                continue;
            }
            JsonNode event = JSON.readTree(record.value());
            String type = event.path("type").asText();
            String id = type.equals("MilestoneReached")
                    ? event.path("milestone").asText()
                    : event.path("version").asText();
            found.put(type + ":" + id, event);
        }
    }

    private JsonNode putRaw(HttpClient http, String token, UUID project, String text) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(baseUrl.toString()).resolve(path(project).substring(1)))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("content", text))))
                    .build();
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response save(String token, UUID project, Map<String, Object> body) {
        return given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put(path(project));
    }

    private static Response read(String token, UUID project) {
        return given().header("Authorization", "Bearer " + token).when().get(path(project));
    }

    private static String path(UUID project) {
        return "/projects/" + project + "/content";
    }

    private static String words(int n) {
        return IntStream.range(0, n).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    }

    private static String token(UUID user) {
        return TestTokens.forUser(user);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig()
                .getOptionalValue("kafka.bootstrap.servers", String.class)
                .orElse("127.0.0.1:9092");
    }
}
