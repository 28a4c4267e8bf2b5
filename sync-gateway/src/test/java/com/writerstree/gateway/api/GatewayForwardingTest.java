package com.writerstree.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.gateway.client.Upstream;
import com.writerstree.gateway.client.UpstreamClient;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Forwarding against a stub of the services ({@link StubUpstream}, a real HTTP server on 127.0.0.1): what the gateway
 * passes through, adds and drops on the way to a service and back, and how it answers when a service hangs (cut at
 * the timeout, 504) or is gone (503), with a circuit breaker per service that makes a failing service fail fast.
 */
@QuarkusTest
@WithTestResource(StubUpstream.class)
class GatewayForwardingTest {

    @Inject
    UpstreamClient client;

    @Test
    void pathQueryHeadersBodyAndStatusPassThroughWithTheGatewaysHeaders() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        String project = UUID.randomUUID().toString();
        String requestId = "req-forwarding-" + UUID.randomUUID();
        StubUpstream.SEEN.clear();

        given().urlEncodingEnabled(false)
                .cookie("auth_token", token)
                .header("X-Request-Id", requestId)
                .header("X-Stub-Status", "202")
                .header("X-Custom", "custom-value")
                .header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "not for the service")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("X-Sync-Origin", "forged-connection")
                .contentType("application/json")
                .body("{\"title\":\"Stub novel\"}")
                .when()
                .patch("/api/v1/projects/" + project + "?a=1&b=two%20words")
                .then()
                .statusCode(202)
                .header("X-Upstream", "kept")
                .header("Keep-Alive", nullValue())
                .header("Proxy-Authenticate", nullValue())
                .header("X-Request-Id", requestId)
                .body("data.from", equalTo("project-service"));

        assertEquals(1, StubUpstream.SEEN.size());
        StubUpstream.Seen seen = StubUpstream.SEEN.get(0);
        assertEquals("PATCH", seen.method());
        assertEquals("/projects/" + project, seen.path(), "the /api/v1 prefix is stripped");
        assertEquals("a=1&b=two%20words", seen.rawQuery(), "the raw query as sent");
        assertEquals("{\"title\":\"Stub novel\"}", seen.body());
        assertEquals("custom-value", seen.header("X-Custom"));
        assertEquals(requestId, seen.header("X-Request-Id"));
        assertEquals("Bearer " + token, seen.header("Authorization"), "the cookie's token as a Bearer credential");
        assertEquals("127.0.0.1", seen.header("X-Forwarded-For"));
        assertEquals("http", seen.header("X-Forwarded-Proto"));
        assertNotNull(seen.header("X-Forwarded-Host"));
        assertNull(seen.header("X-Hop-Secret"), "a header named by Connection is hop-by-hop");
        assertNull(seen.header("Proxy-Authorization"));
        assertNull(seen.header("X-Sync-Origin"), "only the gateway may set X-Sync-Origin");
        assertEquals("application/json", seen.header("Content-Type"));
    }

    @Test
    void aServiceAnswerOtherThan2xxComesBackUnchanged() {
        StubUpstream.SEEN.clear();
        given().header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID()))
                .header("X-Stub-Status", "409")
                .when()
                .get("/v1/projects")
                .then()
                .statusCode(409)
                .body("data.from", equalTo("project-service"));
        assertEquals("/projects", StubUpstream.SEEN.get(0).path());
        assertEquals("GET", StubUpstream.SEEN.get(0).method());
    }

    @Test
    void aHungServiceIsCutAtTheTimeoutWith504InTheEnvelope() {
        long started = System.nanoTime();
        given().header("Authorization", "Bearer " + TestTokens.forUser(UUID.randomUUID()))
                .when()
                .get("/api/v1/exports")
                .then()
                .statusCode(504)
                .body("success", is(false))
                .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"))
                .body("error.details.service", equalTo("export-service"))
                .body("error.requestId", notNullValue())
                .body("error.timestamp", notNullValue());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofMillis(900)) >= 0, "waited for the 1 s timeout: " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "cut at the timeout: " + took);
    }

    @Test
    void aServiceThatIsGoneIs503AndItsCircuitOpens() {
        String bearer = "Bearer " + TestTokens.forUser(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", bearer)
                    .when()
                    .get("/api/v1/suggestions")
                    .then()
                    .statusCode(503)
                    .body("success", is(false))
                    .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"))
                    .body("error.details.service", equalTo("suggestion-service"));
        }
        assertEquals(CircuitBreakerState.OPEN, client.circuit(Upstream.SUGGESTION));
        assertEquals(CircuitBreakerState.CLOSED, client.circuit(Upstream.PROJECT), "one circuit per service");
    }

    @Test
    void onceTheCircuitOfAHungServiceOpensItFailsFastWith503() {
        String bearer = "Bearer " + TestTokens.forUser(UUID.randomUUID());
        // a window of 4 calls, all cut at the 1 s timeout (in parallel: one second, not four)
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Response>> hung = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                hung.add(CompletableFuture.supplyAsync(
                        () -> given().header("Authorization", bearer).when().get("/api/v1/users/me/stats"), callers));
            }
            hung.forEach(call -> assertEquals(504, call.join().statusCode()));
        } finally {
            callers.shutdownNow();
        }
        assertEquals(CircuitBreakerState.OPEN, client.circuit(Upstream.STATS));
        int reached = StubUpstream.HUNG.get("/users/me/stats").get();

        // open: answered 503 at once (a call let through would hang into a 504), nothing reaches the service
        given().header("Authorization", bearer)
                .when()
                .get("/api/v1/users/me/stats")
                .then()
                .statusCode(503)
                .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"))
                .body("error.details.service", equalTo("stats-service"));
        assertEquals(reached, StubUpstream.HUNG.get("/users/me/stats").get(), "the open circuit sent nothing");
    }
}
