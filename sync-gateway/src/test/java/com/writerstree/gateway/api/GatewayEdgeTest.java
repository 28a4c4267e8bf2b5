package com.writerstree.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The edge against the real Redis, with every service "down" (the %test profile points them at port 1) and
 * tokens signed by the test key pair the %test profile verifies with.
 */
@QuarkusTest
class GatewayEdgeTest {

    @Test
    void unknownRouteIsNotFoundInTheEnvelope() {
        given().when()
                .get("/api/v1/nope")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .body("success", is(false))
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.timestamp", notNullValue())
                .body("error.requestId", startsWith("req-"));
        given().when().get("/somewhere-else").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().header("X-Request-Id", "client-id-1")
                .when()
                .get("/v1/nope")
                .then()
                .statusCode(404)
                .header("X-Request-Id", "client-id-1")
                .body("error.requestId", equalTo("client-id-1"));
    }

    @Test
    void knownPathWithAnotherMethodIsNotAllowed() {
        given().when()
                .put("/api/v1/projects")
                .then()
                .statusCode(405)
                .header("Allow", "GET, POST")
                .body("error.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void protectedRouteWithoutTokenNeedsAuthentication() {
        given().when()
                .get("/api/v1/projects")
                .then()
                .statusCode(401)
                .body("success", is(false))
                .body("error.code", equalTo("AUTHENTICATION_REQUIRED"))
                .body("error.requestId", notNullValue());
    }

    @Test
    void garbageTokenIsInvalid() {
        given().header("Authorization", "Bearer not.a.jwt")
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("INVALID_TOKEN"));
        given().cookie("auth_token", "garbage")
                .when()
                .get("/v1/users/me")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void expiredTokenIsReportedAsExpired() {
        String expired = TestTokens.expiredFor(UUID.randomUUID());
        given().cookie("auth_token", expired)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("TOKEN_EXPIRED"));
    }

    @Test
    void unreachableServiceIsAnExternalServiceError() {
        given().cookie("auth_token", validToken())
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"))
                .body("error.details.service", equalTo("project-service"));
        // composed GET: project-service decides, so its absence is the error
        given().header("Authorization", "Bearer " + validToken())
                .when()
                .get("/v1/projects/" + UUID.randomUUID())
                .then()
                .statusCode(503)
                .body("error.details.service", equalTo("project-service"));
        // public route: no token needed to reach (or miss) identity-service
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", com.writerstree.gateway.domain.limits.EdgeLimitsTest.randomIp())
                .body("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .when()
                .post("/api/v1/auth/login")
                .then()
                .statusCode(503)
                .body("error.details.service", equalTo("identity-service"));
    }

    @Test
    void bodyOverTheLimitIsRejectedBeforeForwarding() {
        given().cookie("auth_token", validToken())
                .contentType(ContentType.JSON)
                .body("{\"title\":\"" + "x".repeat(2048) + "\"}")
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(413)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("error.requestId", notNullValue());
    }

    @Test
    void healthListsEveryCheckAndIsDegradedWhileServicesAreDown() {
        for (String path : new String[] {"/health", "/api/v1/health"}) {
            ValidatableResponse health = given().when()
                    .get(path)
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("degraded"))
                    .body("timestamp", notNullValue())
                    .body("uptime", notNullValue())
                    .body("checks.redis", equalTo("healthy"))
                    .body("checks.database", equalTo("unknown"))
                    .body("checks.kafka", equalTo("unknown"))
                    .body("checks.s3", equalTo("unknown"))
                    .body("checks.smtp", equalTo("unknown"))
                    .body("checks.disk", notNullValue())
                    .body("checks.memory.heapUsed", notNullValue())
                    .body("checks.memory.heapTotal", notNullValue())
                    .body("checks.memory.rss", notNullValue())
                    .body(
                            "checks.services.keySet()",
                            hasItems(
                                    "identity-service",
                                    "project-service",
                                    "content-service",
                                    "export-service",
                                    "stats-service",
                                    "suggestion-service"));
            for (String service : new String[] {
                "identity-service",
                "project-service",
                "content-service",
                "export-service",
                "stats-service",
                "suggestion-service"
            }) {
                health.body("checks.services.'" + service + "'", equalTo("unhealthy"));
            }
        }
    }

    private static String validToken() {
        return TestTokens.forUser(UUID.randomUUID());
    }

    @Test
    void corsPreflightIsAnsweredAtTheEdgeOnlyForAllowedOrigins() {
        given().header("Origin", "https://writerstree.com")
                .header("Access-Control-Request-Method", "PUT")
                .when()
                .options("/api/v1/projects/abc/content")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "https://writerstree.com")
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
                .header("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Request-Id");
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PUT")
                .when()
                .options("/api/v1/projects")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "http://localhost:3000")
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void hstsOnlyOverTlsFromATrustedProxy() {
        given().header("X-Forwarded-Proto", "https")
                .when()
                .get("/api/v1/nope")
                .then()
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        given().when()
                .get("/api/v1/nope")
                .then()
                .header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void largeBodiesAreGzippedUnlessTheClientOptsOut() {
        // /health is over 1 KiB? no: the merged API docs are (services down: an empty but valid document is small);
        // use a 404 envelope padded by a long path instead
        String longPath = "/api/v1/" + "x".repeat(1500);
        given().header("Accept-Encoding", "gzip")
                .when()
                .get(longPath)
                .then()
                .statusCode(404)
                .header("Content-Encoding", "gzip");
        given().header("Accept-Encoding", "gzip")
                .header("X-No-Compression", "1")
                .when()
                .get(longPath)
                .then()
                .statusCode(404)
                .header("Content-Encoding", org.hamcrest.Matchers.nullValue());
        given().header("Accept-Encoding", "gzip")
                .when()
                .get("/api/v1/nope")
                .then()
                .statusCode(404)
                .header("Content-Encoding", org.hamcrest.Matchers.nullValue());
    }
}
