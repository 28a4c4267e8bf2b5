package com.writerstree.content.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.content.domain.WordCounter;
import com.writerstree.content.domain.merge.TextPatch;
import com.writerstree.content.domain.revision.Revisions;
import com.writerstree.content.persistence.MilestoneRepository;
import com.writerstree.content.persistence.RevisionRepository;
import com.writerstree.contracts.project.v1.ProjectEvents;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stale saves (three-way merge or conflict), delta saves, the version history endpoints and concurrency, on the
 * real PostgreSQL and Kafka (same setup as {@link ContentResourceTest}, so Quarkus starts once for both).
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
class ContentHistoryResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    RevisionRepository revisionRows;

    @Inject
    MilestoneRepository milestones;

    @Inject
    Revisions revisions;

    @Inject
    AgroalDataSource dataSource;

    // ------------------------------------------------------------------------------------------- merging

    /** Issue #8, item 1: a change both devices made is kept once, and a retried stale save adds no copy. */
    @Test
    void aChangeBothDevicesMadeIsKeptOnceAndAResentStaleSaveAddsNoCopy() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);

        UUID chapter = announceProject(user, 50000);
        save(token, chapter, Map.of("content", "Chapter 1.\n\nIt rained.\n\nThe end.\n"))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(1));
        save(token, chapter, Map.of("content", "Chapter 1.\n\nIt rained. She left.\n\nThe end.\n", "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2));
        String once = "Chapter One.\n\nIt rained. She left.\n\nThe end.\n";
        save(token, chapter, Map.of("content", once, "version", 1))
                .then()
                .statusCode(200)
                .body("data.merged", equalTo(true))
                .body("data.content", equalTo(once))
                .body("data.version", equalTo(3));
        read(token, chapter).then().body("data.content.text", equalTo(once));

        UUID story = announceProject(user, 50000);
        String v1 = "Chapter 1.\n\nIt rained all day.\n";
        String paragraph = "\nShe left at noon.\n";
        save(token, story, Map.of("content", v1)).then().statusCode(200).body("data.version", equalTo(1));
        // device 1 appends a paragraph
        save(token, story, Map.of("content", v1 + paragraph, "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2));
        // device 2, still on v1, makes its own small edit and adds the same paragraph
        String device2 = "Chapter 1.\n\nIt rained all night.\n" + paragraph;
        save(token, story, Map.of("content", device2, "version", 1))
                .then()
                .statusCode(200)
                .body("data.merged", equalTo(true))
                .body("data.content", equalTo(device2))
                .body("data.version", equalTo(3));
        // device 2 lost the acknowledgement and resends the same stale save: no third copy, no new version
        save(token, story, Map.of("content", device2, "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(3));
        // device 1 goes on writing; device 2's stale save comes once more
        String later = device2.replace("Chapter 1.", "Chapter 1: Rain.");
        save(token, story, Map.of("content", later, "version", 3))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(4));
        save(token, story, Map.of("content", device2, "version", 1))
                .then()
                .statusCode(200)
                .body("data.merged", equalTo(true))
                .body("data.content", equalTo(later))
                .body("data.version", equalTo(4));
        read(token, story).then().body("data.content.text", equalTo(later)).body("data.content.version", equalTo(4));
    }

    @Test
    void aStaleSaveIsMergedWhenTheEditsDoNotOverlapAndRefusedWhenTheyDo() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        String token = TestTokens.forUser(user);
        String base = "It was a dark night.\n\nThe rain fell.\n\nShe waited.";
        save(token, project, Map.of("content", base)).then().statusCode(200).body("data.version", equalTo(1));

        // device A (base 1) edits the first paragraph
        save(token, project, Map.of("content", base.replace("dark night", "dark and stormy night"), "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2))
                .body("data.merged", equalTo(false))
                .body("data.content", nullValue());
        // device B, still on base 1, edits the last paragraph: merged
        String merged = "It was a dark and stormy night.\n\nThe rain fell.\n\nShe waited for him.";
        save(token, project, Map.of("content", base.replace("She waited.", "She waited for him."), "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(3))
                .body("data.merged", equalTo(true))
                .body("data.content", equalTo(merged))
                .body("data.wordCount", equalTo(WordCounter.count(merged)));
        read(token, project).then().body("data.content.text", equalTo(merged)).body("data.content.version", equalTo(3));

        // device C, on base 1 too, rewrites the words A edited: conflict, nothing stored
        save(token, project, Map.of("content", base.replace("dark night", "cold day"), "version", 1))
                .then()
                .statusCode(409)
                .body("error.code", equalTo("VERSION_CONFLICT"))
                .body("error.details.serverVersion", equalTo(3))
                .body("error.details.clientVersion", equalTo(1))
                .body("error.details.serverContent", equalTo(merged));
        // a base this project never had: nothing to merge against, conflict
        save(token, project, Map.of("content", "anything", "version", 99))
                .then()
                .statusCode(409)
                .body("error.details.serverVersion", equalTo(3));
        read(token, project).then().body("data.content.version", equalTo(3));
        assertEquals(List.of(3, 2, 1), QuarkusTransaction.requiringNew().call(() -> revisionRows.versions(project)));

        // version 2 is stored as a delta against version 1 (issue 12); a device on base 2 is merged against its
        // rebuilt text
        assertEquals(
                "and stormy ",
                TestSql.single(
                        dataSource,
                        String.class,
                        "SELECT delta_text FROM content.content_revisions WHERE project_id = ? AND version = 2",
                        project));
        String onBase2 = base.replace("dark night", "dark and stormy night").replace("rain fell", "rain fell hard");
        save(token, project, Map.of("content", onBase2, "version", 2))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(4))
                .body("data.merged", equalTo(true))
                .body("data.content", equalTo(merged.replace("rain fell", "rain fell hard")));
    }

    @Test
    void aDeltaSaveGivesTheSameResultAsTheFullText() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 50000);
        String token = TestTokens.forUser(user);
        String base = "It was a dark night. 😀 The end.";
        save(token, project, Map.of("content", base)).then().statusCode(200);

        // "It was a dark " is 14 UTF-16 code units; the emoji counts 2 ("end" starts at 28)
        List<Map<String, Object>> patch = List.of(
                Map.of("op", "retain", "n", 14),
                Map.of("op", "insert", "text", "and stormy "),
                Map.of("op", "retain", "n", 7),
                Map.of("op", "delete", "n", 2),
                Map.of("op", "insert", "text", "☔"));
        String expected = "It was a dark and stormy night. ☔ The end.";
        save(token, project, Map.of("patch", patch, "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2))
                .body("data.merged", equalTo(false))
                .body("data.wordCount", equalTo(WordCounter.count(expected)));
        read(token, project).then().body("data.content.text", equalTo(expected));

        // the same patch again on its (now stale) base: same edits, already stored -> unchanged
        save(token, project, Map.of("patch", patch, "version", 1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2));
        // a patch on the stale base 1 touching another place: applied to base 1, then merged
        save(
                        token,
                        project,
                        Map.of(
                                "patch",
                                List.of(
                                        Map.of("op", "retain", "n", 28),
                                        Map.of("op", "delete", "n", 3),
                                        Map.of("op", "insert", "text", "beginning")),
                                "version",
                                1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(3))
                .body("data.merged", equalTo(true))
                .body("data.content", equalTo("It was a dark and stormy night. ☔ The beginning."));

        // refusals: both content and patch, patch without version, patch not matching its base
        save(token, project, Map.of("content", "x", "patch", patch, "version", 3))
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("patch"));
        save(token, project, Map.of("patch", patch))
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("version"));
        save(token, project, Map.of("patch", List.of(Map.of("op", "retain", "n", 1000)), "version", 3))
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("patch"));
        save(token, project, Map.of("patch", List.of(Map.of("op", "jump", "n", 1)), "version", 3))
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("patch"));
        read(token, project).then().body("data.content.version", equalTo(3));
    }

    // --------------------------------------------------------------------------------------- concurrency

    @Test
    void fiftyParallelStaleSavesOfDifferentParagraphsAllMerge() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 10_000_000);
        String token = TestTokens.forUser(user);
        List<String> paragraphs = IntStream.range(0, 50)
                .mapToObj(i -> "Paragraph " + i + " has some words in it.")
                .toList();
        String base = String.join("\n\n", paragraphs);
        save(token, project, Map.of("content", base)).then().statusCode(200).body("data.version", equalTo(1));

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<JsonNode> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<JsonNode>> saves = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // every device started from version 1 and edits its own paragraph
                List<String> mine = new ArrayList<>(paragraphs);
                mine.set(i, "Paragraph " + i + " has EDITED" + i + " words in it.");
                String text = String.join("\n\n", mine);
                saves.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitLatch(start);
                            return put(http, token, project, Map.of("content", text, "version", 1));
                        },
                        pool));
            }
            start.countDown();
            for (CompletableFuture<JsonNode> s : saves) {
                answers.add(s.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Integer> versionsSeen = new HashSet<>();
        for (JsonNode answer : answers) {
            assertTrue(answer.path("success").asBoolean(), answer.toString());
            assertTrue(versionsSeen.add(answer.path("data").path("version").asInt()), "version twice: " + answer);
        }
        assertEquals(IntStream.rangeClosed(2, 51).boxed().collect(Collectors.toSet()), versionsSeen);
        assertEquals(
                49,
                answers.stream()
                        .filter(a -> a.path("data").path("merged").asBoolean())
                        .count());
        // every answered version is stored, and the history is gapless and increasing
        assertEquals(
                IntStream.iterate(51, v -> v >= 2, v -> v - 1).boxed().toList().subList(0, 50),
                QuarkusTransaction.requiringNew()
                        .call(() -> revisionRows.versions(project))
                        .subList(0, 50));

        Response stored = read(token, project);
        stored.then().body("data.content.version", equalTo(51));
        String text = stored.path("data.content.text");
        for (int i = 0; i < 50; i++) {
            assertTrue(text.contains("Paragraph " + i + " has EDITED" + i + " words in it."), "edit " + i + " lost");
        }
        assertEquals(WordCounter.count(text), (int) stored.path("data.content.wordCount"));
    }

    @Test
    void twentyParallelSavesCrossingAMilestoneRecordItOnce() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 1000);
        String token = TestTokens.forUser(user);
        save(token, project, Map.of("content", words(100))).then().statusCode(200);

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<JsonNode> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<JsonNode>> saves = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String text = words(260 + i); // every one reaches 25 % of 1000
                saves.add(CompletableFuture.supplyAsync(
                        () -> {
                            awaitLatch(start);
                            return put(http, token, project, Map.of("content", text));
                        },
                        pool));
            }
            start.countDown();
            for (CompletableFuture<JsonNode> s : saves) {
                answers.add(s.get());
            }
        } finally {
            pool.shutdownNow();
        }
        answers.forEach(a -> assertTrue(a.path("success").asBoolean(), a.toString()));
        assertEquals(
                1,
                answers.stream()
                        .filter(a -> a.path("data").path("milestoneReached").isObject())
                        .count());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> milestones.count("projectId", project)));
        read(token, project).then().body("data.milestones", hasSize(1));
    }

    // ------------------------------------------------------------------------------------------- history

    /**
     * Issue 12: a save knows the newest snapshot's word count from the previous save instead of asking for it; a
     * manual snapshot in between must not leave it stale. 1,100 words (auto snapshot), shrunk to 500, a manual
     * snapshot (now the newest: 500 words), then 1,200 words: a higher thousand than the newest snapshot's, so
     * another auto snapshot, as when every save asked.
     */
    @Test
    void aManualSnapshotBetweenSavesCountsAsTheNewestForTheNextAutoSnapshot() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 1_000_000);
        String token = TestTokens.forUser(user);
        save(token, project, Map.of("content", words(1100))).then().statusCode(200);
        save(token, project, Map.of("content", words(500))).then().statusCode(200);
        Response manual = given().header("Authorization", "Bearer " + token).post(versions(project));
        assertEquals(201, manual.statusCode());
        assertEquals(500, manual.jsonPath().getInt("data.version.wordCount"));
        save(token, project, Map.of("content", words(1200))).then().statusCode(200);
        var listed = given().header("Authorization", "Bearer " + token)
                .get(versions(project))
                .jsonPath();
        assertEquals(List.of("auto", "manual", "auto"), listed.getList("data.versions.snapshotType"));
        assertEquals(List.of(1200, 500, 1100), listed.getList("data.versions.wordCount"));
    }

    @Test
    void versionsAreListedReadSnapshottedAndRestored() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 4000);
        String token = TestTokens.forUser(user);
        String first = words(1000);
        save(token, project, Map.of("content", first))
                .then()
                .statusCode(200)
                .body("data.milestoneReached.type", equalTo("25_percent"));
        save(token, project, Map.of("content", "a short rewrite"))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2));

        // a manual snapshot with a label, then 11 more without: the newest 10 manual/auto are kept, the
        // milestone snapshot is pinned
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(Map.of("label", "before the rewrite"))
                .when()
                .post(versions(project))
                .then()
                .statusCode(201)
                .body("success", equalTo(true))
                .body("data.version.snapshotType", equalTo("manual"))
                .body("data.version.versionNumber", equalTo(2))
                .body("data.version.metadata.label", equalTo("before the rewrite"));
        for (int i = 0; i < 11; i++) { // no body, no Content-Type
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .post(versions(project))
                    .then()
                    .statusCode(201);
        }
        given().header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(Map.of("label", 5))
                .when()
                .post(versions(project))
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("label"));
        Response list =
                given().header("Authorization", "Bearer " + token).when().get(versions(project));
        list.then().statusCode(200).body("success", equalTo(true)).body("data.versions", hasSize(11));
        List<String> types = list.path("data.versions.snapshotType");
        assertEquals(10, types.stream().filter("manual"::equals).count());
        assertEquals("milestone", types.get(10)); // newest first: the milestone snapshot is the oldest
        assertEquals("25_percent", list.path("data.versions[10].metadata.milestone"));
        assertTrue(list.<List<Map<String, Object>>>path("data.versions").stream()
                .noneMatch(v -> v.containsKey("content")));
        String milestoneId = list.path("data.versions[10].id");

        given().header("Authorization", "Bearer " + token)
                .when()
                .get(versions(project) + "/" + milestoneId)
                .then()
                .statusCode(200)
                .body("data.version.id", equalTo(milestoneId))
                .body("data.version.versionNumber", equalTo(1))
                .body("data.version.content", equalTo(first))
                .body("data.version.wordCount", equalTo(1000))
                .body("data.version.createdAt", notNullValue())
                .body("data.version.snapshotType", equalTo("milestone"));

        try (LocalKafka.Watcher events = LocalKafka.watch(LocalKafka.TEST_PREFIX + "content-events")) {
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .post(versions(project) + "/" + milestoneId + "/restore")
                    .then()
                    .statusCode(200)
                    .body("success", equalTo(true))
                    .body("message", equalTo("Version restored successfully."))
                    .body("data.currentVersion", equalTo(3))
                    .body("data.wordCount", equalTo(1000));
            events.awaitMatch(
                    e -> e.contains("\"VersionRestored\"")
                            && e.contains(project.toString())
                            && e.contains("\"restoredFromVersion\":1"),
                    Duration.ofSeconds(30));
        }
        read(token, project)
                .then()
                .body("data.content.text", equalTo(first))
                .body("data.content.version", equalTo(3))
                .body("data.milestones", hasSize(1)); // 25 % stays recorded once

        // unknown snapshot, another project's snapshot, another user
        UUID other = announceProject(user, 4000);
        given().header("Authorization", "Bearer " + token)
                .when()
                .get(versions(project) + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        given().header("Authorization", "Bearer " + token)
                .when()
                .get(versions(other) + "/" + milestoneId)
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + token)
                .when()
                .post(versions(other) + "/" + milestoneId + "/restore")
                .then()
                .statusCode(404);
        String stranger = TestTokens.forUser(UUID.randomUUID());
        given().header("Authorization", "Bearer " + stranger)
                .when()
                .get(versions(project))
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        given().header("Authorization", "Bearer " + stranger)
                .when()
                .post(versions(project) + "/" + milestoneId + "/restore")
                .then()
                .statusCode(404);
        given().when().get(versions(project)).then().statusCode(401);
    }

    // ------------------------------------------------------------------------------------------- storage

    /**
     * Issue 12, the revision storage budget (README "Revision storage"): a 150,000-word novel, then one-word edits
     * sent as delta saves through the REST path. {@code content_revisions} must hold the novel once (a keyframe) and
     * then only the edited words: per save at most {@link #DELTA_ROW_BUDGET} bytes (row and index entry), and the
     * day's projection (17,280 saves, one every 5 s; a keyframe every 1,001 versions, counted uncompressed) below
     * {@link #DAY_BUDGET_MB}. Before issue 12 every one of these saves stored the whole novel again.
     */
    @Test
    void oneWordEditsToANovelStoreTheWordsNotTheNovel() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 10_000_000);
        String token = TestTokens.forUser(user);
        Random random = new Random(12);
        String text = Novels.novel(random, 150_000);
        save(token, project, Map.of("content", text)).then().statusCode(200).body("data.version", equalTo(1));
        int saves = 40;
        for (int i = 0; i < saves; i++) {
            int at = text.indexOf(' ', random.nextInt(text.length() - 100)) + 1; // a word's first character
            int end = text.indexOf(' ', at);
            String word = Novels.otherWord(random, text.substring(at, end));
            List<Map<String, Object>> patch = List.of(
                    Map.of("op", "retain", "n", at),
                    Map.of("op", "delete", "n", end - at),
                    Map.of("op", "insert", "text", word));
            save(token, project, Map.of("patch", patch, "version", i + 1))
                    .then()
                    .statusCode(200)
                    .body("data.version", equalTo(i + 2));
            text = text.substring(0, at) + word + text.substring(end);
        }
        read(token, project).then().body("data.content.version", equalTo(saves + 1));
        String last = text;
        assertEquals(
                Optional.of(last), QuarkusTransaction.requiringNew().call(() -> revisions.text(project, saves + 1)));

        String rows = "FROM content.content_revisions r WHERE project_id = ?";
        long keyframes = TestSql.single(dataSource, Long.class, "SELECT count(content) " + rows, project);
        long novelBytes = TestSql.single(
                dataSource, Long.class, "SELECT octet_length(content)::bigint " + rows + " AND version = 1", project);
        long keyframeStored = TestSql.single(
                dataSource, Long.class, "SELECT pg_column_size(content)::bigint " + rows + " AND version = 1", project);
        // a row's bytes: the stored tuple (pg_column_size(r.*)), its line pointer and its PK index entry
        long deltaBytes = TestSql.single(
                dataSource,
                Long.class,
                "SELECT sum(pg_column_size(r.*) + " + ROW_OVERHEAD + ")::bigint " + rows + " AND content IS NULL",
                project);
        assertEquals(1, keyframes, "one keyframe (the first save), then deltas");
        long perSave = deltaBytes / saves;
        long perDay = (long) Math.ceil(SAVES_PER_DAY / 1001.0) * novelBytes + SAVES_PER_DAY * perSave;
        System.out.printf(
                "revision storage: novel %d B (stored %d B), %d one-word saves: %d B (%d B a save);"
                        + " projected day: %.1f MB, before: %.1f MB%n",
                novelBytes, keyframeStored, saves, deltaBytes, perSave, perDay / 1e6, SAVES_PER_DAY * novelBytes / 1e6);
        assertTrue(novelBytes > 700_000, "the novel is " + novelBytes + " bytes");
        assertTrue(perSave <= DELTA_ROW_BUDGET, perSave + " bytes a save");
        assertTrue(perDay <= DAY_BUDGET_MB * 1_000_000L, perDay + " bytes a day");
    }

    /**
     * Issue 12: a delta save on the current version reads and rewrites only the pieces of the text it touches
     * ({@code content_chunks}); the text stays byte-exact and the incremental word count equals a full count. 160
     * seeded random patches (one or two edits, trailing retains, inserts big enough to split a piece, deletions big
     * enough to merge pieces, cuts next to emoji, Han, Kana, dashes and no-break spaces), with now and then a full
     * save and a restore in between; after every save the answer's word count is the full count of the expected text,
     * and every few saves the text read back, the stored pieces and the revision are exactly it.
     */
    @Test
    void deltaSavesToALongTextKeepItExactAndCountItExactly() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 10_000_000);
        String token = TestTokens.forUser(user);
        Random random = new Random(2026);
        String text = richText(random, 40_000);
        save(token, project, Map.of("content", text)).then().statusCode(200);
        int version = 1;
        for (int i = 0; i < 160; i++) {
            if (i % 53 == 52) { // a full save: only the pieces its change touches are rewritten
                String saved = richEdit(random, text).applyTo(text);
                int next = saved.equals(text) ? version : version + 1;
                save(token, project, Map.of("content", saved, "version", version))
                        .then()
                        .statusCode(200)
                        .body("data.version", equalTo(next))
                        .body("data.wordCount", equalTo(WordCounter.count(saved)));
                text = saved;
                version = next;
                continue;
            }
            List<Map<String, Object>> patch = new ArrayList<>();
            TextPatch.Edit first = richEdit(random, text);
            String edited = first.applyTo(text);
            patch.add(Map.of("op", "retain", "n", first.start()));
            patch.add(Map.of("op", "delete", "n", first.end() - first.start()));
            patch.add(Map.of("op", "insert", "text", first.middle()));
            int at = first.start() + first.middle().length();
            if (random.nextBoolean() && at < edited.length()) { // a second edit further on
                int second = edited.offsetByCodePoints(at, random.nextInt(edited.codePointCount(at, edited.length())));
                String inserted = richText(random, random.nextInt(12));
                patch.add(Map.of("op", "retain", "n", second - at));
                patch.add(Map.of("op", "insert", "text", inserted));
                edited = edited.substring(0, second) + inserted + edited.substring(second);
                at = second + inserted.length();
            }
            if (random.nextBoolean()) {
                patch.add(Map.of("op", "retain", "n", edited.length() - at)); // the rest, spelled out
            }
            boolean changed = !edited.equals(text);
            text = edited;
            save(token, project, Map.of("patch", patch, "version", version))
                    .then()
                    .statusCode(200)
                    .body("data.version", equalTo(changed ? version + 1 : version))
                    .body("data.wordCount", equalTo(WordCounter.count(text)));
            version += changed ? 1 : 0;
            if (i % 10 == 9) {
                String expected = text;
                int v = version;
                read(token, project)
                        .then()
                        .statusCode(200)
                        .body("data.content.version", equalTo(v))
                        .body("data.content.text", equalTo(expected));
                assertEquals(
                        Optional.of(expected),
                        QuarkusTransaction.requiringNew().call(() -> revisions.text(project, v)));
                assertPiecesHold(project, expected);
            }
        }
        // a restore writes the snapshot's text over the pieces
        String snapshotId = given().header("Authorization", "Bearer " + token)
                .when()
                .get(versions(project))
                .then()
                .statusCode(200)
                .extract()
                .path("data.versions[0].id");
        String snapshotText = given().header("Authorization", "Bearer " + token)
                .when()
                .get(versions(project) + "/" + snapshotId)
                .then()
                .extract()
                .path("data.version.content");
        given().header("Authorization", "Bearer " + token)
                .when()
                .post(versions(project) + "/" + snapshotId + "/restore")
                .then()
                .statusCode(200);
        read(token, project).then().body("data.content.text", equalTo(snapshotText));
        assertPiecesHold(project, snapshotText);
    }

    /**
     * A text migrated by V5 is one piece however long (its units computed in SQL); the first delta save splits it,
     * and the text stays exact.
     */
    @Test
    void aTextMigratedAsOnePieceIsSplitByItsFirstEditAndStaysExact() {
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 10_000_000);
        String token = TestTokens.forUser(user);
        String text = richText(new Random(77), 30_000);
        save(token, project, Map.of("content", text)).then().statusCode(200);
        // as V5 leaves it: the whole text in one piece, units = code points + those beyond the BMP
        TestSql.update(dataSource, "DELETE FROM content.content_chunks WHERE project_id = ?", project);
        TestSql.update(
                dataSource,
                "INSERT INTO content.content_chunks (project_id, seq, units, text) SELECT ?, 1048576,"
                        + " length(t) + length(regexp_replace(t, '[^\\U00010000-\\U0010FFFF]', '', 'g')), t"
                        + " FROM (SELECT ?::text AS t) s",
                project,
                text);
        assertEquals(
                (long) text.length(),
                TestSql.single(
                        dataSource,
                        Long.class,
                        "SELECT units::bigint FROM content.content_chunks WHERE project_id = ?",
                        project));
        int at = text.offsetByCodePoints(0, text.codePointCount(0, text.length()) / 2);
        save(
                        token,
                        project,
                        Map.of(
                                "patch",
                                List.of(Map.of("op", "retain", "n", at), Map.of("op", "insert", "text", "東 word 😀")),
                                "version",
                                1))
                .then()
                .statusCode(200)
                .body("data.version", equalTo(2));
        String expected = text.substring(0, at) + "東 word 😀" + text.substring(at);
        read(token, project)
                .then()
                .body("data.content.text", equalTo(expected))
                .body("data.content.wordCount", equalTo(WordCounter.count(expected)));
        assertPiecesHold(project, expected);
        assertTrue(TestSql.single(
                        dataSource,
                        Long.class,
                        "SELECT count(*) FROM content.content_chunks WHERE project_id = ?",
                        project)
                > 1);
    }

    /** The stored pieces join to {@code text}, each within the size bound, its units its length, no pair cut. */
    private void assertPiecesHold(UUID project, String text) {
        assertEquals(
                text,
                TestSql.single(
                        dataSource,
                        String.class,
                        "SELECT coalesce(string_agg(text, '' ORDER BY seq), '') FROM content.content_chunks"
                                + " WHERE project_id = ?",
                        project));
        assertEquals(
                0L,
                TestSql.single(
                        dataSource,
                        Long.class,
                        "SELECT count(*) FROM content.content_chunks WHERE project_id = ? AND (units > 8192"
                                + " OR units <> length(text) + length(regexp_replace(text, '[^\\U00010000-\\U0010FFFF]', '', 'g')))",
                        project));
    }

    private static final String[] RICH = {
        "word", "rain", " ", " ", "\n\n", "—", "-", "--", "/", ".", ",", "\u00A0", "\u200B", "東", "京", "カ", "ー", "😀",
        "😁", "𝄞", "👩‍💻", "é", "7"
    };

    private static String richText(Random random, int units) {
        StringBuilder out = new StringBuilder();
        while (out.length() < units) {
            out.append(RICH[random.nextInt(RICH.length)]);
        }
        return out.toString();
    }

    /** A random edit at code-point boundaries: mostly a word, sometimes thousands of units in or out. */
    private static TextPatch.Edit richEdit(Random random, String text) {
        int points = text.codePointCount(0, text.length());
        int from = text.offsetByCodePoints(0, random.nextInt(points + 1));
        int rest = text.codePointCount(from, text.length());
        int kind = random.nextInt(20);
        int deleted = rest == 0 ? 0 : random.nextInt(Math.min(rest, kind == 0 ? 12_000 : 20) + 1);
        int to = text.offsetByCodePoints(from, deleted);
        String inserted = richText(random, kind == 1 ? 9_000 : random.nextInt(12));
        return new TextPatch.Edit(from, to, inserted);
    }

    private static final long SAVES_PER_DAY = 24 * 3600 / 5;
    private static final int DELTA_ROW_BUDGET = 200;
    private static final int DAY_BUDGET_MB = 20;
    /**
     * Beyond {@code pg_column_size(r.*)} (the heap tuple, header included): its line pointer (4) and its primary-key
     * index entry (8 header + 16 uuid + 4 int, aligned to 32, + 4 line pointer).
     */
    private static final int ROW_OVERHEAD = 40;

    /**
     * Issue 12: a save no longer runs the revision window's pruning {@code DELETE} every time, only when the window
     * may hold something to delete. 560 one-word delta saves (the default window: the newest 500 of the last 24 h)
     * must still leave exactly what pruning after every save leaves: everything from the newest keyframe at or below
     * the oldest promised version on. A stale save on the oldest promised base is merged; on a pruned one it is a
     * conflict with the server's text.
     */
    @Test
    void savesBeyondTheWindowPruneToItAndABaseInsideItStillMerges() {
        String opening = "The opening line stays as it is.\n\n";
        List<String> body = new ArrayList<>();
        Random random = new Random(560);
        UUID user = UUID.randomUUID();
        UUID project = announceProject(user, 10_000_000);
        String token = TestTokens.forUser(user);
        for (int i = 0; i < 60; i++) {
            body.add(longWord(random));
        }
        List<String> texts = new ArrayList<>(List.of("")); // texts.get(v): the text of version v
        texts.add(opening + String.join(" ", body));
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(
                1,
                put(http, token, project, Map.of("content", texts.get(1)))
                        .path("data")
                        .path("version")
                        .asInt());
        int saves = 560;
        for (int v = 2; v <= saves + 1; v++) {
            int word = random.nextInt(body.size());
            int at = opening.length();
            for (int i = 0; i < word; i++) {
                at += body.get(i).length() + 1;
            }
            String old = body.get(word);
            body.set(word, longWord(random)); // 20 letters: a keyframe every ~40 deltas of this ~1,300-unit text
            List<Map<String, Object>> patch = List.of(
                    Map.of("op", "retain", "n", at),
                    Map.of("op", "delete", "n", old.length()),
                    Map.of("op", "insert", "text", body.get(word)));
            JsonNode saved = put(http, token, project, Map.of("patch", patch, "version", v - 1));
            assertEquals(v, saved.path("data").path("version").asInt(), saved.toString());
            texts.add(opening + String.join(" ", body));
        }
        int newest = saves + 1;
        int promised = newest - 500 + 1; // the oldest of the newest 500 (all younger than 24 h)
        int expectedOldest = TestSql.single(
                dataSource,
                Integer.class,
                "SELECT max(version) FROM content.content_revisions"
                        + " WHERE project_id = ? AND content IS NOT NULL AND version <= ?",
                project,
                promised);
        List<Integer> kept = QuarkusTransaction.requiringNew().call(() -> revisionRows.versions(project));
        assertTrue(expectedOldest > 1, "the window was exceeded: versions before " + expectedOldest + " are due");
        // everything from the keyframe the oldest promised version needs, no gap, nothing before it
        assertEquals(newest, kept.get(0));
        assertEquals(expectedOldest, kept.get(kept.size() - 1), "the oldest kept version");
        assertEquals(newest - expectedOldest + 1, kept.size(), "no gap");
        for (int v : List.of(expectedOldest, promised, newest - 1)) {
            int base = v;
            assertEquals(
                    Optional.of(texts.get(v)),
                    QuarkusTransaction.requiringNew().call(() -> revisions.text(project, base)),
                    "version " + v);
        }

        // a device on the oldest promised base changes the opening line: merged with everything saved since
        String current = texts.get(newest);
        String theirs = texts.get(promised).replace("stays as it is", "was changed offline");
        JsonNode merged = put(http, token, project, Map.of("content", theirs, "version", promised));
        assertTrue(merged.path("data").path("merged").asBoolean(), merged.toString());
        assertEquals(
                current.replace("stays as it is", "was changed offline"),
                merged.path("data").path("content").asText());
        // a device on a pruned base: conflict, the server's text in the answer
        String serverText = merged.path("data").path("content").asText();
        JsonNode refused = put(
                http,
                token,
                project,
                Map.of("content", texts.get(expectedOldest - 1) + " more", "version", expectedOldest - 1));
        assertEquals("VERSION_CONFLICT", refused.path("error").path("code").asText(), refused.toString());
        assertEquals(
                serverText,
                refused.path("error").path("details").path("serverContent").asText());
    }

    private static String longWord(Random random) {
        StringBuilder word = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    // ------------------------------------------------------------------------------------------- helpers

    private UUID announceProject(UUID user, int wordGoal) {
        UUID project = UUID.randomUUID();
        LocalKafka.publish(ProjectEvents.ProjectCreated.of(user, project, "A novel", wordGoal, "active"));
        String token = TestTokens.forUser(user);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> read(token, project).then().statusCode(200));
        return project;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode put(HttpClient http, String token, UUID project, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(baseUrl.toString()).resolve("projects/" + project + "/content"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
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
                .put("/projects/" + project + "/content");
    }

    private static Response read(String token, UUID project) {
        return given().header("Authorization", "Bearer " + token).when().get("/projects/" + project + "/content");
    }

    private static String versions(UUID project) {
        return "/projects/" + project + "/versions";
    }

    private static String words(int n) {
        return IntStream.range(0, n).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    }
}
