package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.describe;
import static com.writerstree.systemtests.Http.expectError;
import static com.writerstree.systemtests.Http.expectSuccess;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.systemtests.Gateway.StoredContent;
import com.writerstree.systemtests.TestUsers.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A writer's main path: save, see the tree grow in the project list (through ContentSaved on Kafka into
 * project-service), read the text back, save again, and the conflict and ownership rules around it.
 */
class WritingPathIT {

    private static final int GOAL = 2000;

    @Test
    @DisplayName("a save is version 1 with the server's word count, and the project list shows it within 2 s")
    void saveShowsUpInProjectList() {
        Instant start = Instant.now().minusSeconds(60); // tolerate a little clock skew between JVMs
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Growing Tree", GOAL);
        String text = Texts.words(137);

        // the client's wordCount is only a hint: a wrong one must be replaced by the real count
        Response save = Gateway.saveContentRaw(user.token(), projectId, text, 0, 999);

        JsonPath saved = expectSuccess(save, 200);
        assertEquals(1, saved.getInt("data.version"), () -> describe(save));
        assertEquals(137, saved.getInt("data.wordCount"), () -> "server word count: " + describe(save));
        assertNotNull(saved.getString("data.savedAt"), () -> describe(save));

        await("GET /projects shows the new word count")
                .atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Gateway.listedWordCount(user.token(), projectId) == 137);

        Map<String, Object> listed =
                Gateway.listedProject(user.token(), projectId).orElseThrow();
        double expectedProgress = BigDecimal.valueOf(137 * 100L)
                .divide(BigDecimal.valueOf(GOAL), 2, RoundingMode.HALF_UP)
                .doubleValue();
        assertEquals(expectedProgress, ((Number) listed.get("progress")).doubleValue(), 0.0001, "progress: " + listed);
        Object lastEditedAt = listed.get("lastEditedAt");
        assertNotNull(lastEditedAt, "lastEditedAt must be set after a save: " + listed);
        assertTrue(Instant.parse(lastEditedAt.toString()).isAfter(start), "lastEditedAt is recent: " + listed);
    }

    @Test
    @DisplayName("GET project returns the saved text; a second save is version 2")
    void readBackAndSaveAgain() {
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Two Saves", GOAL);
        String first = "Chapter one\n\n" + Texts.words(40);
        Gateway.saveContent(user.token(), projectId, first, 0);

        Response r = Gateway.getProject(user.token(), projectId);
        JsonPath j = expectSuccess(r, 200);
        assertEquals(first, j.getString("data.content.text"), () -> describe(r));
        assertEquals(1, j.getInt("data.content.version"), () -> describe(r));
        assertEquals(42, j.getInt("data.content.wordCount"), () -> describe(r));
        assertNotNull(j.getString("data.content.lastSavedAt"), () -> describe(r));

        String second = first + " " + Texts.words(10, 3);
        Response again = Gateway.saveContent(user.token(), projectId, second, 1);
        assertEquals(52, again.jsonPath().getInt("data.wordCount"), () -> describe(again));
        assertEquals(new StoredContent(second, 2, 52), Gateway.storedContent(user.token(), projectId));
    }

    @Test
    @DisplayName("a save on a stale base version that overlaps the server's change is 409 VERSION_CONFLICT")
    void staleBaseIsConflict() {
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Two Devices", GOAL);
        Gateway.saveContent(user.token(), projectId, "alpha beta gamma", 0);
        String serverText = "delta epsilon zeta";
        Gateway.saveContent(user.token(), projectId, serverText, 1);

        // a second device still on version 1 rewrites the same words
        Response stale = Gateway.saveContentRaw(user.token(), projectId, "eta theta iota", 1, null);

        JsonPath j = expectError(stale, 409, "VERSION_CONFLICT");
        assertEquals(2, j.getInt("error.details.serverVersion"), () -> describe(stale));
        assertEquals(
                new StoredContent(serverText, 2, 3),
                Gateway.storedContent(user.token(), projectId),
                "a conflicting save must not change what is stored");
    }

    @Test
    @DisplayName("another user cannot save into my project (404, like an unknown project) and nothing changes")
    void otherUserCannotSave() {
        TestUser owner = TestUsers.register();
        TestUser other = TestUsers.register();
        String projectId = Gateway.createProject(owner.token(), "Mine", GOAL);
        Gateway.saveContent(owner.token(), projectId, "my own words", 0);

        Response r = Gateway.saveContentRaw(other.token(), projectId, "someone else's words", 1, null);

        expectError(r, 404, "NOT_FOUND");
        StoredContent stored = Gateway.storedContent(owner.token(), projectId);
        assertEquals(new StoredContent("my own words", 1, 3), stored);
        assertFalse(stored.text().contains("else"));
    }
}
