package com.writerstree.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Redis goes down and comes back (issue #8, fault suite): the stack's OWN redis-server (REDIS_PORT of its env file,
 * started by deploy/stack.sh; the shared Redis on 6379 is never touched) is killed with SIGKILL. The documented
 * behaviour (docs/CONTRACTS.md "Redis down", sync-gateway README "Revocation"):
 *
 * <ul>
 *   <li><b>revocation fails closed</b>: a token nobody has checked recently (a fresh session) and a logged-out one
 *       are refused (503 EXTERNAL_SERVICE_ERROR {@code details.service=redis}, or 401 for a token already known
 *       revoked), at the gateway and at a service reached directly; never 200;
 *   <li><b>saves go on</b>: a writer in the middle of a session (token checked within the 5 min outage grace) keeps
 *       saving through the gateway, and reading;
 *   <li><b>limits fail open</b>: logins from one address past the per-IP auth limit (5 per 15 min) are not 429;
 *   <li>Redis back: everything recovers by itself (no restart): fresh tokens work, the logged-out one is still
 *       refused (the deny list survived: AOF), the auth limit counts again, and the gateway listens to
 *       {@code auth:revocations} again.
 * </ul>
 */
@Tag("fault")
class RedisDownFaultIT {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void revocationFailsClosedLimitsFailOpenSavesGoOnAndAllRecovers() throws Exception {
        assumeTrue(
                Faults.ownEngine("redis"),
                "the stack has no Redis of its own (REDIS_PORT in its env file, -Dwt.redis.port)");

        // a session logged out before the outage (the deny list knows it)
        TestUsers.TestUser leaver = TestUsers.register();
        assertEquals(200, Gateway.api(leaver.token()).get("/projects").statusCode());
        Http.expectStatus(Gateway.api(leaver.token()).body("{}").post("/auth/logout"), 200);
        // a writer in the middle of a session: seen by the gateway and by content-service just before the outage
        TestUsers.TestUser writer = TestUsers.register();
        String project = Gateway.createProject(writer.token(), "Written through a Redis outage", 1000);
        Gateway.saveContent(writer.token(), project, "Before the outage.", 0);
        // a session nobody has checked yet
        TestUsers.TestUser fresh = TestUsers.register();
        // every process of the stack listens to auth:revocations (the platform's RevocationCheck, the gateways'
        // socket closer): after the restart they must all be listening again
        long subscribers = Faults.redisInteger("PUBSUB NUMSUB auth:revocations");
        assertTrue(subscribers >= 7, "processes listening to auth:revocations: " + subscribers);

        long outageStarted = System.nanoTime();
        Faults.kill9("redis");
        try {
            assertFalse(Engines.reachable("127.0.0.1:" + Faults.redisPort()), "the stack's Redis is still up");

            // saves go on (gateway: grace + rate limit open; content-service: grace)
            Gateway.saveContent(writer.token(), project, "Before the outage. During it.", 1);
            assertEquals(200, Gateway.api(writer.token()).get("/projects").statusCode());
            assertEquals(
                    200,
                    direct("content", writer.token())
                            .get("/projects/{id}/content", project)
                            .statusCode());

            // revocation fails closed
            expectUnavailable(
                    "gateway, unseen token", Gateway.api(fresh.token()).get("/projects"));
            expectUnavailable(
                    "content-service directly, unseen token",
                    direct("content", fresh.token()).get("/projects/{id}/content", project));
            expectRefused(
                    "gateway, logged-out token", Gateway.api(leaver.token()).get("/projects"));
            expectRefused(
                    "project-service directly, logged-out token",
                    direct("project", leaver.token()).get("/projects"));

            // limits fail open: 7 logins from one address (the limit is 5 per 15 min per address and endpoint)
            String ip = Gateway.randomClientIp();
            for (int i = 1; i <= 7; i++) {
                Response login = Gateway.apiFrom(ip)
                        .body(Map.of("email", writer.email(), "password", writer.password()))
                        .post("/auth/login");
                assertNotEquals(429, login.statusCode(), "login " + i + " during the outage: " + Http.describe(login));
                assertTrue(login.statusCode() < 500, "login " + i + " during the outage: " + Http.describe(login));
            }
        } finally {
            Faults.start("redis");
        }
        long recoveryStarted = System.nanoTime();

        // everything recovers by itself
        Awaitility.await("fresh sessions work again")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Gateway.api(fresh.token()).get("/projects").statusCode() == 200);
        Awaitility.await("content-service accepts fresh sessions again")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> direct("content", fresh.token())
                                .get("/projects/{id}/content", project)
                                .statusCode()
                        == 404); // authenticated, and someone else's project
        // the deny list survived the kill (the stack's Redis writes an append-only file)
        Http.expectError(Gateway.api(leaver.token()).get("/projects"), 401, "INVALID_TOKEN");
        Http.expectError(direct("project", leaver.token()).get("/projects"), 401, "INVALID_TOKEN");
        Gateway.saveContent(writer.token(), project, "Before the outage. During it. After it.", 2);
        assertEquals(
                "Before the outage. During it. After it.",
                Gateway.storedContent(writer.token(), project).text());
        // the auth limit counts again: the 6th login from one address is refused
        String ip = Gateway.randomClientIp();
        for (int i = 1; i <= 5; i++) {
            Response login = Gateway.apiFrom(ip)
                    .body(Map.of("email", fresh.email(), "password", fresh.password()))
                    .post("/auth/login");
            assertNotEquals(429, login.statusCode(), "login " + i + " after the outage: " + Http.describe(login));
        }
        Http.expectError(
                Gateway.apiFrom(ip)
                        .body(Map.of("email", fresh.email(), "password", fresh.password()))
                        .post("/auth/login"),
                429,
                "RATE_LIMIT_EXCEEDED");
        // every process subscribes to auth:revocations again (closing revoked sockets, forgetting grace)
        Awaitility.await("every process listens to auth:revocations again")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Faults.redisInteger("PUBSUB NUMSUB auth:revocations") == subscribers);
        System.out.printf(
                "RedisDownFaultIT: outage phase %d ms, recovery checks %d ms%n",
                (recoveryStarted - outageStarted) / 1_000_000, (System.nanoTime() - recoveryStarted) / 1_000_000);
    }

    private static void expectUnavailable(String what, Response r) {
        assertEquals(503, r.statusCode(), what + ": " + Http.describe(r));
        assertEquals("EXTERNAL_SERVICE_ERROR", r.jsonPath().getString("error.code"), what + ": " + Http.describe(r));
        assertEquals("redis", r.jsonPath().getString("error.details.service"), what + ": " + Http.describe(r));
    }

    /** A revoked token during the outage: 401 when known revoked, else 503 (fail closed); never let through. */
    private static void expectRefused(String what, Response r) {
        assertTrue(r.statusCode() == 401 || r.statusCode() == 503, what + ": " + Http.describe(r));
        assertEquals(false, r.jsonPath().getBoolean("success"), what + ": " + Http.describe(r));
    }

    private static RequestSpecification direct(String service, String token) {
        return given().baseUri(Stack.serviceUrl(service))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }
}
