package com.writerstree.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A body larger than the target service reads is refused at the gateway with 413 in the envelope. Before, the
 * gateway forwarded it, the service closed the connection on it, and the writer read 503 EXTERNAL_SERVICE_ERROR.
 * (%test: the gateway reads 1K, project-service 512 bytes; the upstreams are unreachable, so reaching one would
 * answer 503.)
 */
@QuarkusTest
class UpstreamBodyLimitTest {

    @Test
    void aBodyOverTheServicesLimitIs413NotAnUpstreamFailure() {
        String body = "{\"title\":\"" + "a".repeat(700) + "\"}";
        given().header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/projects")
                .then()
                .statusCode(413)
                .body("success", equalTo(false))
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("error.details.service", equalTo("project-service"));
    }

    @Test
    void aBodyWithinTheServicesLimitIsForwarded() {
        given().header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Novel\"}")
                .post("/api/v1/projects")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"));
    }
}
