package com.writerstree.project.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.writerstree.platform.security.RevocationKeys;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #8 item 3: project-service reached directly refuses sessions identity revoked (logout: the jti; password
 * reset: every token issued before), within the shared check's cache window, against the real Redis.
 */
@QuarkusTest
class RevokedSessionTest {

    @Inject
    RedisDataSource redis;

    @Test
    void aLoggedOutTokenNoLongerReadsOrChangesProjects() {
        UUID user = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        String token = TestTokens.sign(TestTokens.claims(user).claim("jti", jti));
        String project = create(token);
        get(token, project).then().statusCode(200);

        redis.value(String.class).setex(RevocationKeys.revokedKey(jti), 3600, "1");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> expectRevoked(get(token, project)));
        expectRevoked(given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Renamed by a thief"))
                .patch("/projects/" + project));
        expectRevoked(given().auth().oauth2(token).get("/projects"));
        get(TestTokens.forUser(user), project).then().statusCode(200).body("data.project.title", equalTo("Mine"));
    }

    @Test
    void aPasswordResetRevokesEveryEarlierTokenOfTheUser() {
        UUID user = UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        String before = TestTokens.sign(TestTokens.claims(user).issuedAt(now - 60));
        String project = create(before);

        redis.value(String.class).setex(RevocationKeys.revokedBeforeKey(user.toString()), 3600, Long.toString(now));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> expectRevoked(get(before, project)));
        get(TestTokens.sign(TestTokens.claims(user).issuedAt(now)), project)
                .then()
                .statusCode(200);
    }

    private static String create(String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Mine", "wordGoal", 50000))
                .post("/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static Response get(String token, String project) {
        return given().auth().oauth2(token).get("/projects/" + project);
    }

    private static void expectRevoked(Response r) {
        r.then().statusCode(401).body("success", equalTo(false)).body("error.code", equalTo("INVALID_TOKEN"));
    }
}
