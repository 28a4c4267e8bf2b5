package com.writerstree.export.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.platform.client.UpstreamPolicy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hung upstream (project-service accepts the connection and never answers) is cut at the policy's timeout (the
 * client's read timeout), tried once more after the backoff, and answered in the error envelope (503
 * EXTERNAL_SERVICE_ERROR naming the service) in bounded time, not after the caller gave up.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class HungUpstreamTest {

    @Test
    void aHungProjectServiceIsCutAtTheTimeoutAndAnsweredInTheEnvelope() {
        ExportApiTest.Setup s = ExportApiTest.project("Hung", "Some words.", 2);
        UpstreamStub.hanging(s.project());
        Duration timeout = UpstreamPolicy.timeout("project-service");

        long start = System.nanoTime();
        given().auth()
                .oauth2(s.token())
                .contentType(ContentType.JSON)
                .body(Map.of("format", "txt"))
                .post("/projects/{id}/export", s.project())
                .then()
                .statusCode(503)
                .body("success", equalTo(false))
                .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"))
                .body("error.details.service", equalTo("project-service"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // two attempts, each cut at the timeout, and the backoff between them; never the stub's "forever"
        assertTrue(took.compareTo(timeout) >= 0, "answered before the timeout: " + took);
        assertTrue(took.compareTo(timeout.multipliedBy(2).plusSeconds(3)) < 0, "not cut in time: " + took);
    }
}
