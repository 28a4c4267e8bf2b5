package com.writerstree.gateway.domain.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.writerstree.platform.security.RevocationKeys;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway reuses a token's "not revoked" answer (one Redis round trip per token per ttl instead of one per
 * request) only while it hears identity's revocations on {@code auth:revocations}, against the real Redis. Services
 * are "down" in these tests (503), so 503 means "let through", 401 "refused as revoked".
 */
@QuarkusTest
class RevocationsTest {

    @Inject
    RedisDataSource redis;

    @Test
    void aCachedAnswerServesUntilTheRevocationIsPublishedThenTheTokenIsRefusedAtOnce() {
        Session session = Session.open();
        expect(session.token(), 503);
        // the deny-list entry alone: the replica trusts its answer of a moment ago (no round trip per request)
        denyList(session);
        expect(session.token(), 503);
        // identity publishes every revocation right after writing it: from then on the token is refused
        publish(session);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> expect(session.token(), 401));
    }

    @Test
    void aRevocationMissedWhileTheSubscriptionWasLostIsSeenOnceItIsBack() {
        Session session = Session.open();
        expect(session.token(), 503);
        long subscribers = subscribers();
        // the replica's subscription connections are cut, and the logout's message is published into the gap
        redis.execute("CLIENT", "KILL", "TYPE", "pubsub");
        denyList(session);
        publish(session);
        await().atMost(Duration.ofSeconds(15)).until(() -> subscribers() >= subscribers);
        // the answer cached before the gap is not trusted any more, although its ttl (30 s) has not run out
        expect(session.token(), 401);
    }

    private void expect(String token, int status) {
        var response = given().cookie("auth_token", token)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(status);
        if (status == 401) {
            response.body("error.message", equalTo("Session has been revoked"));
        }
    }

    /** A signed-in writer's token with its own jti. */
    private record Session(UUID user, String jti, String token) {
        static Session open() {
            UUID user = UUID.randomUUID();
            String jti = UUID.randomUUID().toString();
            return new Session(
                    user, jti, TestTokens.sign(TestTokens.claims(user).claim("jti", jti)));
        }
    }

    private void denyList(Session session) {
        redis.value(String.class).setex(RevocationKeys.revokedKey(session.jti()), 60, "1");
    }

    private void publish(Session session) {
        redis.pubsub(String.class)
                .publish(
                        RevocationKeys.CHANNEL,
                        "{\"jti\":\"" + session.jti() + "\",\"userId\":\"" + session.user()
                                + "\",\"revokedBefore\":null}");
    }

    private long subscribers() {
        return redis.execute("PUBSUB", "NUMSUB", RevocationKeys.CHANNEL).get(1).toLong();
    }
}
