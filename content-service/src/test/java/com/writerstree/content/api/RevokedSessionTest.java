package com.writerstree.content.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.writerstree.contracts.project.v1.ProjectEvents;
import com.writerstree.platform.security.RevocationKeys;
import com.writerstree.platform.testing.LocalKafka;
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
 * Issue #8 item 3: content-service reached directly (not through the gateway) refuses a session that identity
 * revoked, within the shared check's cache window (writerstree.revocation.cache-ttl, 2 s), against the real Redis
 * deny list written exactly as identity writes it.
 */
@QuarkusTest
class RevokedSessionTest {

    @Inject
    RedisDataSource redis;

    @Test
    void aLoggedOutTokenNoLongerReadsOrWritesContent() {
        UUID user = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        String token = TestTokens.sign(TestTokens.claims(user).claim("jti", jti));
        UUID project = announceProject(user, token);
        save(token, project, "Chapter one.").then().statusCode(200);

        // logout: identity puts the jti on the deny list until the token expires
        redis.value(String.class).setex(RevocationKeys.revokedKey(jti), 3600, "1");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> expectRevoked(read(token, project)));
        expectRevoked(save(token, project, "Written with a stolen token."));
        // nothing was written with the revoked token; another session of the writer still works
        read(TestTokens.forUser(user), project)
                .then()
                .statusCode(200)
                .body("data.content.text", equalTo("Chapter one."))
                .body("data.content.version", equalTo(1));
    }

    @Test
    void aPasswordResetRevokesEveryEarlierTokenOfTheUserButNotLaterOnes() {
        UUID user = UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        String before = TestTokens.sign(TestTokens.claims(user).issuedAt(now - 60));
        UUID project = announceProject(user, before);

        redis.value(String.class).setex(RevocationKeys.revokedBeforeKey(user.toString()), 3600, Long.toString(now));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> expectRevoked(read(before, project)));
        String after = TestTokens.sign(TestTokens.claims(user).issuedAt(now));
        read(after, project).then().statusCode(200);
    }

    private static void expectRevoked(Response r) {
        r.then().statusCode(401).body("success", equalTo(false)).body("error.code", equalTo("INVALID_TOKEN"));
    }

    /** Publishes ProjectCreated like project-service and waits until content-service knows the project. */
    private static UUID announceProject(UUID user, String token) {
        UUID project = UUID.randomUUID();
        LocalKafka.publish(ProjectEvents.ProjectCreated.of(user, project, "A novel", 50000, "active"));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> read(token, project).then().statusCode(200));
        return project;
    }

    private static Response save(String token, UUID project, String text) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("content", text))
                .put("/projects/" + project + "/content");
    }

    private static Response read(String token, UUID project) {
        return given().auth().oauth2(token).get("/projects/" + project + "/content");
    }
}
