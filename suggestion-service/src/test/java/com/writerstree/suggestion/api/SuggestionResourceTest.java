package com.writerstree.suggestion.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.contracts.content.v1.ContentEvents;
import com.writerstree.contracts.project.v1.ProjectEvents;
import com.writerstree.contracts.user.v1.UserEvents;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestTokens;
import com.writerstree.suggestion.client.ContentServiceStub;
import com.writerstree.suggestion.persistence.LearnedModelRepository;
import com.writerstree.suggestion.tools.Books;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * POST /suggestions against the real PostgreSQL (schema suggestion) and Kafka (test.content-events,
 * test.project-events, test.user-events in); content-service's internal read is a real HTTP stub.
 */
@QuarkusTest
@WithTestResource(ContentServiceStub.class)
class SuggestionResourceTest {

    /** A made-up name no base text contains: it can only come from a writer's own project. */
    private static final String NAME = "Zorblattine";

    private static final String STORY = "Captain " + NAME + " stood at the helm. The crew loved Captain " + NAME
            + ". At dawn Captain " + NAME + " gave the order, and Captain " + NAME + " smiled. ";

    @Inject
    LearnedModelRepository models;

    // ---------------------------------------------------------------------------------------------- answers

    @Test
    void suggestsNextWordsInTheSpecsShape() {
        UUID user = UUID.randomUUID();
        suggest(
                        user,
                        Map.of(
                                "context",
                                "It is a truth universally acknowledged, that a single man in possession of a "))
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.suggestions", hasSize(3))
                .body("data.suggestions.word", everyItem(matchesPattern(".*[A-Za-z].*")))
                .body("data.suggestions.confidence", everyItem(lessThanOrEqualTo(1.0f)))
                .body("data.suggestions.word", hasItem("good"));
        suggest(user, Map.of("context", "I am very ", "limit", 10))
                .statusCode(200)
                .body("data.suggestions", hasSize(10));
        // the spec's example: without a trailing space the last word is being typed, so it is completed
        suggest(user, Map.of("context", "The quick brown fox jumped over the la"))
                .statusCode(200)
                .body("data.suggestions.word", everyItem(startsWith("la")));
    }

    @Test
    void completesTheWordBeingTypedAndCapitalisesSentenceStarts() {
        UUID user = UUID.randomUUID();
        suggest(user, Map.of("context", "She was very hap", "limit", 5))
                .statusCode(200)
                .body("data.suggestions.word", everyItem(startsWith("hap")))
                .body("data.suggestions.word", hasItem("happy"));
        suggest(user, Map.of("context", "He was gone. ", "limit", 5))
                .statusCode(200)
                .body("data.suggestions.word", everyItem(matchesPattern("[A-Z].*")));
        // curly apostrophe while typing a contraction
        suggest(user, Map.of("context", "I don\u2019", "limit", 3))
                .statusCode(200)
                .body("data.suggestions.word", hasItem("don't"));
    }

    // ---------------------------------------------------------------------------------------------- bad input

    @Test
    void badInputIsA400Envelope() {
        UUID user = UUID.randomUUID();
        for (Object body : List.of(
                Map.of(),
                Map.of("context", ""),
                Map.of("context", "   \n\t "),
                Map.of("context", "The", "limit", 0),
                Map.of("context", "The", "limit", 1000),
                Map.of("context", "The", "limit", -1),
                Map.of("context", "The", "limit", "3"),
                Map.of("context", "The", "limit", 2.5),
                Map.of("context", 42),
                Map.of("context", List.of("a")),
                Map.of("context", "The", "projectId", "not-a-uuid"),
                "{\"context\": \"unterminated",
                "[]")) {
            suggest(user, body)
                    .statusCode(400)
                    .body("success", equalTo(false))
                    .body("error.code", equalTo("VALIDATION_ERROR"));
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("context", "The"))
                .post("/suggestions")
                .then()
                .statusCode(401)
                .body("success", equalTo(false));
    }

    @Test
    void aLongContextIsReadFromItsTail() {
        UUID user = UUID.randomUUID();
        String huge = "word ".repeat(20_000) + "She was very hap"; // 100 KB
        suggest(user, Map.of("context", huge)).statusCode(200).body("data.suggestions.word", hasItem("happy"));
    }

    // ---------------------------------------------------------------------------------------------- adaptation

    @Test
    void aWritersOwnNamesComeUpForHerAndNeverForAnotherWriter() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        learn(alice, project, STORY.repeat(3), 1);

        suggest(alice, Map.of("context", "The next morning Captain Zor", "projectId", project.toString()))
                .body("data.suggestions.word", hasItem(NAME));
        suggest(alice, Map.of("context", "The next morning Captain "))
                .body("data.suggestions.word", hasItem(NAME)); // her most recent project, without naming it
        // another writer: neither by default nor by naming her project
        suggest(bob, Map.of("context", "The next morning Captain Zor", "limit", 10))
                .statusCode(200)
                .body("data.suggestions.word", not(hasItem(NAME)));
        suggest(bob, Map.of("context", "The next morning Captain ", "projectId", project.toString(), "limit", 10))
                .statusCode(200)
                .body("data.suggestions.word", not(hasItem(NAME)));
    }

    @Test
    void aProjectIsLearnedWithTheWriterWeightEstimatedOnItsOwnText() throws IOException {
        UUID alice = UUID.randomUUID();
        UUID novel = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        String book;
        try (InputStream in = getClass().getResourceAsStream("/heldout/moby-dick.txt.gz")) {
            book = Books.read(in, true);
        }
        learn(alice, novel, String.join("", Books.chapters(book).subList(0, 5)) + STORY, 1);
        learn(alice, note, STORY, 1);

        Double weight = QuarkusTransaction.requiringNew().call(() -> models.findById(novel).writerWeight);
        assertNotNull(weight, "a 14,000-token project has its own weight");
        assertTrue(weight >= 0.1 && weight <= 0.9, "writer weight " + weight);
        // too short to tell: the configured weight
        assertNull(QuarkusTransaction.requiringNew().call(() -> models.findById(note).writerWeight));
    }

    @Test
    void deletingTheProjectRemovesWhatWasLearned() {
        UUID alice = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        learn(alice, project, STORY, 1);

        LocalKafka.publish(ProjectEvents.ProjectDeleted.of(alice, project));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> suggest(alice, Map.of("context", "Captain Zor", "limit", 10))
                        .body("data.suggestions.word", not(hasItem(NAME))));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> models.count("projectId", project)));

        // a late save of the deleted project is not learned again
        putText(alice, project, STORY, 2);
        LocalKafka.publish(ContentEvents.ContentSaved.of(alice, project, 2, 30, 1, Instant.now(), null));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> models.count("projectId", project)) == 0);
    }

    @Test
    void aPurgedAccountTakesItsModelsWithIt() {
        UUID alice = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        learn(alice, project, STORY, 1);

        LocalKafka.publish(UserEvents.UserPurged.of(alice));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> models.count("userId", alice)) == 0);
        suggest(alice, Map.of("context", "Captain Zor", "limit", 10)).body("data.suggestions.word", not(hasItem(NAME)));
    }

    @Test
    void theWordSuggestionsPreferenceSwitchesThemOffAndOn() {
        UUID user = UUID.randomUUID();
        Map<String, Object> prefs = new HashMap<>(Map.of("darkMode", false, "fontSize", 16));
        prefs.put("wordSuggestions", false);
        LocalKafka.publish(UserEvents.UserPreferencesChanged.of(user, "UTC", prefs));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> suggest(user, Map.of("context", "I am very "))
                        .statusCode(200)
                        .body("success", equalTo(true))
                        .body("message", equalTo(SuggestionResource.DISABLED))
                        .body("data.suggestions", hasSize(0)));

        prefs.put("wordSuggestions", true);
        LocalKafka.publish(UserEvents.UserPreferencesChanged.of(user, "UTC", prefs));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> suggest(user, Map.of("context", "I am very "))
                        .statusCode(200)
                        .body("data.suggestions", hasSize(3)));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Stores the text at content-service (stub), publishes the save, and waits until the model is learned. */
    private void learn(UUID user, UUID project, String text, int version) {
        putText(user, project, text, version);
        LocalKafka.publish(ContentEvents.ContentSaved.of(user, project, version, 30, 30, Instant.now(), null));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> suggest(user, Map.of("context", "Captain Zor", "projectId", project.toString()))
                        .body("data.suggestions.word", hasItem(NAME)));
    }

    private static void putText(UUID user, UUID project, String text, int version) {
        given().baseUri(ConfigProvider.getConfig().getValue("content-stub.url", String.class))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", user.toString(), "text", text, "version", version))
                .put("/_stub/content/" + project)
                .then()
                .statusCode(204);
    }

    private static ValidatableResponse suggest(UUID user, Object body) {
        return given().header("Authorization", TestTokens.bearer(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/suggestions")
                .then();
    }
}
