package com.writerstree.gateway.domain.limits;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.platform.security.RevocationKeys;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Revocation and limits against the real Redis (%test: 127.0.0.1 is a trusted proxy, the user budget is 20 per
 * 10 s, saves 20/s with a burst of 3). Services are "down" (503), which is not a limit: only 429/401 matter here.
 */
@QuarkusTest
public class EdgeLimitsTest {

    @Inject
    RedisDataSource redis;

    public static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    @Test
    void sixthLoginFromOneIpIsRateLimited() {
        String ip = randomIp();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", ip)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post("/api/v1/auth/login")
                    .then()
                    .statusCode(503);
        }
        given().header("X-Forwarded-For", ip)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/auth/login")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error.code", equalTo("RATE_LIMIT_EXCEEDED"))
                .body("error.requestId", notNullValue());
        // another IP (another test user) has its own bucket; another endpoint too
        given().header("X-Forwarded-For", randomIp())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/auth/login")
                .then()
                .statusCode(503);
        given().header("X-Forwarded-For", ip)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/auth/register")
                .then()
                .statusCode(503);
    }

    @Test
    void revokedJtiAndRevokedBeforeAreRejected() {
        UUID user = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        String token = TestTokens.sign(TestTokens.claims(user).claim("jti", jti));
        given().cookie("auth_token", token)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(503);
        // identity-service's logout: the deny-list entry, then its publication, which ends the replica's cached answer
        redis.value(String.class).setex(RevocationKeys.revokedKey(jti), 60, "1");
        redis.pubsub(String.class)
                .publish(
                        RevocationKeys.CHANNEL,
                        "{\"jti\":\"" + jti + "\",\"userId\":\"" + user + "\",\"revokedBefore\":null}");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().cookie("auth_token", token)
                        .when()
                        .get("/api/v1/projects")
                        .then()
                        .statusCode(401)
                        .body("error.code", equalTo("INVALID_TOKEN"))
                        .body("error.message", equalTo("Session has been revoked")));

        UUID other = UUID.randomUUID();
        String old =
                TestTokens.sign(TestTokens.claims(other).issuedAt(Instant.now().minusSeconds(30)));
        redis.value(String.class)
                .setex(
                        RevocationKeys.revokedBeforeKey(other.toString()),
                        60,
                        Long.toString(Instant.now().getEpochSecond() - 10));
        given().header("Authorization", "Bearer " + old)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(401)
                .body("error.message", equalTo("Session has been revoked"));
        // a token issued after the cut-off still works
        given().header("Authorization", "Bearer " + TestTokens.forUser(other))
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(503);
    }

    @Test
    void userBudgetIsEnforcedPerUser() {
        String token = TestTokens.forUser(UUID.randomUUID());
        for (int i = 0; i < 20; i++) {
            given().cookie("auth_token", token)
                    .when()
                    .get("/api/v1/projects")
                    .then()
                    .statusCode(503);
        }
        given().cookie("auth_token", token)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
        given().cookie("auth_token", TestTokens.forUser(UUID.randomUUID()))
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(503);
    }

    /** %test: exports 3 per hour (export + export-tree together), suggestions 5 and analytics events 7 per minute. */
    @Test
    void exportsSuggestionsAndAnalyticsHaveTheirOwnPerUserWindows() {
        String token = TestTokens.forUser(UUID.randomUUID());
        String project = UUID.randomUUID().toString();
        String[] exports = {"/export", "/export-tree", "/export"};
        for (String path : exports) {
            post(token, "/api/v1/projects/" + project + path).then().statusCode(503);
        }
        post(token, "/api/v1/projects/" + UUID.randomUUID() + "/export-tree")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error.code", equalTo("RATE_LIMIT_EXCEEDED"));
        for (int i = 0; i < 5; i++) {
            post(token, "/api/v1/suggestions").then().statusCode(503);
        }
        post(token, "/api/v1/suggestions").then().statusCode(429);
        for (int i = 0; i < 7; i++) {
            post(token, "/v1/analytics/event").then().statusCode(503);
        }
        post(token, "/v1/analytics/event").then().statusCode(429);
        // their own windows: the general budget (20 in %test) is untouched, reads still go through
        given().cookie("auth_token", token)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(503);
        // and per user: another user exports
        post(TestTokens.forUser(UUID.randomUUID()), "/api/v1/projects/" + project + "/export")
                .then()
                .statusCode(503);
    }

    private static io.restassured.response.Response post(String token, String path) {
        return given().cookie("auth_token", token)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(path);
    }

    @Test
    void steadyAutosaveCadenceIsNeverLimitedButAFloodIs() throws InterruptedException {
        // %test: 20 saves/s sustained, burst 3. One save every 100 ms (half the sustained rate, like one save
        // every 2 s against 1/s in production) for 60 saves: never 429, and not counted against the user budget (20).
        String token = TestTokens.forUser(UUID.randomUUID());
        String project = UUID.randomUUID().toString();
        for (int i = 0; i < 60; i++) {
            int status = given().cookie("auth_token", token)
                    .contentType(ContentType.JSON)
                    .body("{\"content\":\"x\",\"version\":0}")
                    .when()
                    .put("/api/v1/projects/" + project + "/content")
                    .then()
                    .extract()
                    .statusCode();
            assertNotEquals(429, status, "save " + i + " was rate limited");
            Thread.sleep(100);
        }
        // the flood comes from 8 threads at once, so that it outruns 20/s even on a loaded machine
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Integer>> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flood.add(pool.submit(() -> given().cookie("auth_token", token)
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .put("/api/v1/projects/" + project + "/content")
                    .then()
                    .extract()
                    .statusCode()));
        }
        boolean limited = false;
        for (var f : flood) {
            try {
                limited |= f.get() == 429;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError(e);
            }
        }
        pool.shutdown();
        assertTrue(limited, "a flood of saves must hit the save budget");
        given().cookie("auth_token", token)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(not(equalTo(429)));
    }
}
