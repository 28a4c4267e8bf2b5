package com.writerstree.content.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fault-tolerance policy of the call to project-service ({@link ProjectLookup}), seen by a writer whose project
 * content-service does not know yet: a hung project-service is cut at the 2 s timeout and answered in the §7.1
 * envelope (not retried: a hung upstream would only multiply the wait); a failing one (5xx) is retried with backoff,
 * then answered 503; a 404 is an answer, not a failure (not retried). The circuit breaker is not opened here: it
 * would refuse the lookups of the other tests sharing this Quarkus application for its 10 s.
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
class ProjectLookupTest {

    @Test
    void aHungProjectServiceIsCutAtTheTimeoutAndAnsweredInTheEnvelope() {
        UUID project = UUID.randomUUID();
        ProjectServiceStub.answer(project, Map.of("hang", true));

        long started = System.nanoTime();
        Response response = given().header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID()))
                .header("X-Request-Id", "req-hung-1")
                .contentType(ContentType.JSON)
                .body(Map.of("content", "saved while project-service hangs"))
                .when()
                .put("/projects/" + project + "/content");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        response.then()
                .statusCode(503)
                .body("success", equalTo(false))
                .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"))
                .body("error.message", equalTo("Project service unavailable"))
                .body("error.requestId", equalTo("req-hung-1"))
                .body("error.timestamp", notNullValue());
        // cut by the 2 s @Timeout, well before the REST client's 10 s backstop; asked once
        assertTrue(took.compareTo(Duration.ofMillis(1900)) >= 0, "answered before the timeout: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "not cut at the timeout: " + took);
        assertEquals(1, ProjectServiceStub.calls(project));
    }

    @Test
    void aFailingProjectServiceIsRetriedWithBackoffThenAnswered503() {
        UUID project = UUID.randomUUID();
        ProjectServiceStub.answer(project, Map.of("answer", 500));

        save(project).then().statusCode(503).body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"));
        assertEquals(3, ProjectServiceStub.calls(project)); // the first attempt and two retries: the GET is idempotent
    }

    @Test
    void anUnknownProjectIsAnAnswerNotAFailure() {
        UUID project = UUID.randomUUID(); // the stub answers 404

        save(project).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        assertEquals(1, ProjectServiceStub.calls(project));
    }

    private static Response save(UUID project) {
        return given().header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(Map.of("content", "x"))
                .when()
                .put("/projects/" + project + "/content");
    }
}
