package com.writerstree.project.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCreated;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectUpdated;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional project deadline: stored, answered, validated, and carried in project-events for stats-service. */
@QuarkusTest
class ProjectDeadlineResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDeadlineIsOptionalStoredAnsweredAndPublished() {
        String token = TestTokens.forUser(UUID.randomUUID());
        String none = send(token, "POST", "/projects", "{}")
                .statusCode(201)
                .body("data.deadline", nullValue())
                .extract()
                .path("data.id");
        assertEquals(
                null, lastEvent("ProjectCreated", none, ProjectCreated.class).deadline());

        String id = send(token, "POST", "/projects", "{\"deadline\":\"2026-11-30\"}")
                .statusCode(201)
                .body("data.deadline", equalTo("2026-11-30"))
                .extract()
                .path("data.id");
        assertEquals(
                LocalDate.parse("2026-11-30"),
                lastEvent("ProjectCreated", id, ProjectCreated.class).deadline());

        send(token, "PATCH", "/projects/" + id, "{\"deadline\":\"2027-01-31\"}")
                .statusCode(200)
                .body("data.deadline", equalTo("2027-01-31"));
        assertEquals(
                LocalDate.parse("2027-01-31"),
                lastEvent("ProjectUpdated", id, ProjectUpdated.class).deadline());
        // a PATCH of other fields keeps the deadline
        send(token, "PATCH", "/projects/" + id, "{\"title\":\"Renamed\"}")
                .statusCode(200)
                .body("data.deadline", equalTo("2027-01-31"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"deadline\":\"2026-13-01\"}", "{\"deadline\":\"1999-12-31\"}", "{\"deadline\":42}"})
    void anInvalidDeadlineIsAValidationError(String body) {
        String token = TestTokens.forUser(UUID.randomUUID());
        send(token, "POST", "/projects", body).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    private static ValidatableResponse send(String token, String method, String path, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .request(method, path)
                .then();
    }

    private <T> T lastEvent(String type, String projectId, Class<T> as) {
        String payload = TestSql.single(
                dataSource,
                String.class,
                "SELECT payload FROM outbox_events WHERE event_type = ? AND event_key = ? ORDER BY id DESC LIMIT 1",
                type,
                projectId);
        return as.cast(EventCodec.decode(payload).orElseThrow());
    }
}
