package com.writerstree.suggestion.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.user.v1.UserEvents.UserDeletionRequested;
import com.writerstree.contracts.user.v1.UserEvents.UserPreferencesChanged;
import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.SchemaScan;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.UserDataChecks;
import com.writerstree.suggestion.client.ContentServiceStub;
import com.writerstree.suggestion.persistence.ForgottenSubject;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The internal export part (a summary (words in their written form; at a sentence start it is case-folded) of what was learned) and the purge, against the real PostgreSQL and Kafka
 * (content-service's text read is a real HTTP stub): UserDeletionRequested keeps everything, UserPurged deletes
 * every row of the user, leaves no raw id behind (forgotten_subjects holds a digest) yet still refuses a late save,
 * leaves a second user alone, records a receipt; a replay changes nothing.
 */
@QuarkusTest
@WithTestResource(ContentServiceStub.class)
class UserDataExportAndPurgeTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STORY = "Zorblat sails. Zorblat sings. Zorblat sleeps near the harbour.";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void exportSummarisesWhatWasLearnedPerProjectTheTopWordsAndThePreference() {
        UUID user = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        learn(user, first, STORY, 1);
        learn(user, second, "Zorblat waits. The harbour sleeps.", 3);
        LocalKafka.publish(UserPreferencesChanged.of(user, "UTC", Map.of("wordSuggestions", false)));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM writer_preferences WHERE user_id = ?", user) == 1);

        UserDataChecks.export(user)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.service", equalTo("suggestion-service"))
                .body("data.userId", equalTo(user.toString()))
                .body("data.generatedAt", notNullValue())
                .body("data.parts.learnedProjects.projectId", containsInAnyOrder(first.toString(), second.toString()))
                .body("data.parts.learnedProjects.find { it.projectId == '" + first + "' }.contentVersion", equalTo(1))
                .body("data.parts.learnedProjects.find { it.projectId == '" + first + "' }.wordsLearned", equalTo(9))
                .body("data.parts.learnedProjects.find { it.projectId == '" + first + "' }.ngrams", notNullValue())
                .body("data.parts.learnedProjects.find { it.projectId == '" + second + "' }.contentVersion", equalTo(3))
                .body("data.parts.topWords[0].word", equalTo("zorblat"))
                .body("data.parts.topWords[0].count", equalTo(4))
                .body("data.parts.topWords[1].word", equalTo("harbour"))
                .body("data.parts.topWords[1].count", equalTo(2))
                .body("data.parts.topWords.word", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(".")))
                .body("data.parts.preference.wordSuggestions", equalTo(false))
                .body("data.parts.preference.setByWriter", equalTo(true))
                .body("data.files", equalTo(null));
    }

    @Test
    void anUnknownUserHasEmptyPartsAndTheDefaultPreference() {
        UserDataChecks.export(UUID.randomUUID())
                .statusCode(200)
                .body("data.parts.learnedProjects", hasSize(0))
                .body("data.parts.topWords", hasSize(0))
                .body("data.parts.pendingProjects", hasSize(0))
                .body("data.parts.preference.wordSuggestions", equalTo(true))
                .body("data.parts.preference.setByWriter", equalTo(false));
    }

    @Test
    void theInternalRoutesRefuseAMissingOrWrongServiceToken() {
        UserDataChecks.assertInternalRoutesRefuseWithoutServiceToken();
    }

    @Test
    void deletionRequestKeepsEverythingThePurgeDeletesItAndRemembersOnlyADigest() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        learn(user, project, STORY, 1);
        learn(second, kept, STORY, 1);
        LocalKafka.publish(UserPreferencesChanged.of(user, "UTC", Map.of("wordSuggestions", true)));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM writer_preferences WHERE user_id = ?", user) == 1);

        // the grace period: a cancellation must find everything where it was
        LocalKafka.publish(UserDeletionRequested.of(user));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM writer_models WHERE user_id = ?", user) == 1);

        UserPurged purged = UserPurged.of(user);
        UserDataChecks.assertNoReceipt(purged.eventId());
        LocalKafka.publish(purged);
        UserDataChecks.awaitReceipt("suggestion-service", purged.eventId(), WAIT);
        assertEquals(List.of(), SchemaScan.columnsContaining(dataSource, "suggestion", user.toString()));
        assertEquals(
                1L,
                count(
                        "SELECT count(*) FROM forgotten_subjects WHERE subject_id = ? AND kind = 'user'",
                        ForgottenSubject.digest(user)));
        // V3 hashes existing rows with the same digest
        assertEquals(
                ForgottenSubject.digest(user),
                TestSql.single(
                        dataSource,
                        UUID.class,
                        "SELECT encode(substring(sha256(convert_to(?::text, 'UTF8')) FROM 1 FOR 16), 'hex')::uuid",
                        user.toString()));

        // a late save of the purged account is not learned again; a replay and a second purge harm nobody
        UserPurged again = UserPurged.of(user);
        putText(user, project, STORY, 2);
        LocalKafka.publish(ContentSaved.of(user, project, 2, 9, 1, Instant.now(), null));
        LocalKafka.publish(purged);
        LocalKafka.publish(again);
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM purge_receipts WHERE event_id = ?", again.eventId()) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(0L, count("SELECT count(*) FROM writer_models WHERE user_id = ?", user));
            assertEquals(0L, count("SELECT count(*) FROM adaptation_requests WHERE user_id = ?", user));
            assertEquals(
                    1L, count("SELECT count(*) FROM writer_models WHERE user_id = ? AND project_id = ?", second, kept));
        });
    }

    private void learn(UUID user, UUID project, String text, int version) {
        putText(user, project, text, version);
        LocalKafka.publish(ContentSaved.of(user, project, version, 9, 9, Instant.now(), null));
        await().atMost(WAIT)
                .until(() -> count(
                                "SELECT count(*) FROM writer_models WHERE project_id = ? AND content_version = ?",
                                project,
                                version)
                        == 1);
    }

    private static void putText(UUID user, UUID project, String text, int version) {
        given().baseUri(ConfigProvider.getConfig().getValue("content-stub.url", String.class))
                .contentType(ContentType.JSON)
                .body(Map.of("userId", user.toString(), "text", text, "version", version))
                .put("/_stub/content/" + project)
                .then()
                .statusCode(204);
    }

    private long count(String sql, Object... params) {
        return TestSql.single(dataSource, Long.class, sql, params);
    }
}
