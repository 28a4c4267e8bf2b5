package com.writerstree.project.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.SchemaScan;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import com.writerstree.platform.testing.UserDataChecks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The internal export part and the purge, against the real PostgreSQL and Kafka: UserPurged on
 * {@code test.user-events} deletes every row of the user and nobody else's, records a receipt without the user id,
 * and a replay changes nothing.
 */
@QuarkusTest
class UserDataExportAndPurgeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void exportListsEveryProjectOfTheUserWhateverItsStatus() {
        UUID user = UUID.randomUUID();
        UUID active = create(user, "{\"title\": \"First Novel\", \"wordGoal\": 60000, \"deadline\": \"2031-01-31\"}");
        UUID archived = create(user, "{\"title\": \"Shelved\", \"treeSpecies\": \"willow\"}");
        given().auth()
                .oauth2(TestTokens.forUser(user))
                .delete("/projects/" + archived)
                .then()
                .statusCode(200);
        UUID other = create(UUID.randomUUID(), "{\"title\": \"Not Theirs\"}");

        UserDataChecks.export(user)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.service", equalTo("project-service"))
                .body("data.userId", equalTo(user.toString()))
                .body("data.generatedAt", notNullValue())
                .body("data.parts.projects", hasSize(2))
                .body("data.parts.projects.id", containsInAnyOrder(active.toString(), archived.toString()))
                .body("data.parts.projects.find { it.id == '" + active + "' }.wordGoal", equalTo(60000))
                .body("data.parts.projects.find { it.id == '" + active + "' }.deadline", equalTo("2031-01-31"))
                .body("data.parts.projects.find { it.id == '" + active + "' }.treeSeed", notNullValue())
                .body("data.parts.projects.find { it.id == '" + archived + "' }.status", equalTo("archived"))
                .body("data.parts.projects.find { it.id == '" + archived + "' }.treeSpecies", equalTo("willow"))
                .body("data.files", equalTo(null));
        assertEquals(1L, count("SELECT count(*) FROM projects WHERE id = ?", other));
    }

    @Test
    void anUnknownUserHasEmptyParts() {
        UserDataChecks.export(UUID.randomUUID()).statusCode(200).body("data.parts.projects", hasSize(0));
    }

    @Test
    void theInternalRoutesRefuseAMissingOrWrongServiceToken() {
        UserDataChecks.assertInternalRoutesRefuseWithoutServiceToken();
    }

    @Test
    void purgeDeletesEverythingOfTheUserOnlyAndRecordsAReceipt() {
        UUID user = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        create(user, "{\"title\": \"Mine\"}");
        UUID archived = create(user, "{\"title\": \"Mine too\"}");
        given().auth()
                .oauth2(TestTokens.forUser(user))
                .delete("/projects/" + archived)
                .then()
                .statusCode(200);
        UUID kept = create(second, "{\"title\": \"Someone else's\"}");
        // the ProjectCreated events are published (the purge scrubs published outbox rows only)
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM outbox_events WHERE published_at IS NULL") == 0);
        UserPurged purged = UserPurged.of(user);
        UserDataChecks.assertNoReceipt(purged.eventId());

        LocalKafka.publish(purged);

        UserDataChecks.awaitReceipt("project-service", purged.eventId(), WAIT);
        assertEquals(List.of(), SchemaScan.columnsContaining(dataSource, "project", user.toString()));
        assertEquals(1L, count("SELECT count(*) FROM projects WHERE id = ? AND user_id = ?", kept, second));
        assertEquals(1L, count("SELECT count(*) FROM purge_receipts WHERE event_id = ?", purged.eventId()));

        // a replay of the event and a second purge of the same user harm nobody
        UserPurged again = UserPurged.of(user);
        LocalKafka.publish(purged);
        LocalKafka.publish(again);
        await().atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM purge_receipts WHERE event_id = ?", again.eventId()) == 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> count("SELECT count(*) FROM purge_receipts WHERE event_id = ?", purged.eventId()) == 1
                        && count("SELECT count(*) FROM projects WHERE user_id = ?", second) == 1);
        UserDataChecks.export(second).body("data.parts.projects.id", containsInAnyOrder(kept.toString()));
    }

    private UUID create(UUID user, String body) {
        String id = given().auth()
                .oauth2(TestTokens.forUser(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        return UUID.fromString(id);
    }

    private long count(String sql, Object... params) {
        return TestSql.single(dataSource, Long.class, sql, params);
    }
}
