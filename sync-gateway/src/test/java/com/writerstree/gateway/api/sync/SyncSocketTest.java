package com.writerstree.gateway.api.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.contracts.content.v1.ContentEvents;
import com.writerstree.gateway.domain.sync.SyncSessions;
import com.writerstree.platform.security.RevocationKeys;
import com.writerstree.platform.testing.JsonSocket;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * /ws/sync against the real Redis and Kafka (content-service is "down" in %test; the auth timeout is 2 s).
 */
@QuarkusTest
class SyncSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/ws/sync")
    URI uri;

    @Inject
    RedisDataSource redis;

    @Inject
    SyncSessions sessions;

    private String url() {
        return uri.toString().replaceFirst("^http", "ws");
    }

    @Test
    void aStoppingReplicaClosesItsSocketsWithGoingAway() throws Exception {
        try (JsonSocket ws = JsonSocket.connect(url(), TestTokens.forUser(UUID.randomUUID()))) {
            assertNotNull(ws.next("authenticated", WAIT));
            sessions.goingAway(new ShutdownDelayInitiatedEvent()); // what Quarkus fires when a stop begins
            assertEquals(SyncSessions.CLOSE_GOING_AWAY, ws.closed.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void authenticateMessageThenPingPongAndErrorsKeepTheConnection() throws Exception {
        UUID user = UUID.randomUUID();
        try (JsonSocket ws = JsonSocket.connect(url(), null)) {
            ws.sendRaw("{\"event\":\"sync:content\",\"data\":{}}");
            assertEquals(
                    "AUTHENTICATION_REQUIRED",
                    ws.next("error", WAIT).path("data").path("code").asText());
            ws.sendRaw("{\"event\":\"authenticate\",\"data\":{\"token\":\"" + TestTokens.forUser(user) + "\"}}");
            JsonNode authenticated = ws.next("authenticated", WAIT);
            assertNotNull(authenticated);
            assertEquals(
                    user.toString(), authenticated.path("data").path("userId").asText());

            ws.sendRaw("{not json");
            JsonNode malformed = ws.next("error", WAIT);
            assertEquals("VALIDATION_ERROR", malformed.path("data").path("code").asText());
            assertTrue(malformed.path("data").path("requestId").asText().startsWith("ws-"));
            ws.sendRaw("{\"event\":\"nope\",\"data\":{}}");
            assertEquals(
                    "VALIDATION_ERROR",
                    ws.next("error", WAIT).path("data").path("code").asText());
            ws.sendRaw("{\"event\":\"sync:content\",\"data\":{\"projectId\":\"x\"}}");
            assertEquals(
                    "VALIDATION_ERROR",
                    ws.next("error", WAIT).path("data").path("code").asText());
            // content-service is down: an error event, the connection survives
            ws.sendRaw("{\"event\":\"sync:content\",\"data\":{\"projectId\":\"" + UUID.randomUUID()
                    + "\",\"content\":\"hello\",\"version\":0}}");
            assertEquals(
                    "EXTERNAL_SERVICE_ERROR",
                    ws.next("error", WAIT).path("data").path("code").asText());
            ws.sendRaw("{\"event\":\"ping\"}");
            assertNotNull(ws.next("pong", WAIT));
            assertFalse(ws.closed.isDone());
        }
    }

    @Test
    void cookieAuthenticatesTheUpgrade() throws Exception {
        UUID user = UUID.randomUUID();
        try (JsonSocket ws = JsonSocket.connect(url(), TestTokens.forUser(user))) {
            assertEquals(
                    user.toString(),
                    ws.next("authenticated", WAIT).path("data").path("userId").asText());
            // through the %test auth timeout and beyond: an authenticated socket is never closed
            Awaitility.await()
                    .during(Duration.ofMillis(2500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> !ws.closed.isDone());
            ws.sendRaw("{\"event\":\"ping\"}");
            assertNotNull(ws.next("pong", WAIT));
        }
    }

    @Test
    void unauthenticatedSocketIsClosedAfterTheTimeout() throws Exception {
        try (JsonSocket ws = JsonSocket.connect(url(), null)) {
            JsonNode error = ws.next("error", WAIT);
            assertNotNull(error);
            assertEquals(
                    "AUTHENTICATION_REQUIRED", error.path("data").path("code").asText());
            assertEquals(SyncSessions.CLOSE_AUTH, ws.closed.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void invalidAndRevokedTokensCloseTheSocket() throws Exception {
        try (JsonSocket ws = JsonSocket.connect(url(), null)) {
            ws.sendRaw("{\"event\":\"authenticate\",\"data\":{\"token\":\"garbage\"}}");
            assertEquals(
                    "INVALID_TOKEN",
                    ws.next("error", WAIT).path("data").path("code").asText());
            assertEquals(SyncSessions.CLOSE_AUTH, ws.closed.get(5, TimeUnit.SECONDS));
        }
        UUID user = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        String token = TestTokens.sign(TestTokens.claims(user).claim("jti", jti));
        try (JsonSocket ws = JsonSocket.connect(url(), token)) {
            assertNotNull(ws.next("authenticated", WAIT));
            // identity-service's logout: deny-list entry + publication -> this replica closes the socket
            redis.value(String.class).setex(RevocationKeys.revokedKey(jti), 60, "1");
            redis.pubsub(String.class)
                    .publish(
                            RevocationKeys.CHANNEL,
                            "{\"jti\":\"" + jti + "\",\"userId\":\"" + user + "\",\"revokedBefore\":null}");
            JsonNode error = ws.next("error", WAIT);
            assertEquals("INVALID_TOKEN", error.path("data").path("code").asText());
            assertEquals(SyncSessions.CLOSE_AUTH, ws.closed.get(5, TimeUnit.SECONDS));
        }
        try (JsonSocket ws = JsonSocket.connect(url(), token)) {
            assertEquals(
                    "INVALID_TOKEN",
                    ws.next("error", WAIT).path("data").path("code").asText());
        }
    }

    @Test
    void milestoneEventReachesEveryConnectionOfTheUserOnly() throws Exception {
        UUID user = UUID.randomUUID();
        try (JsonSocket a = JsonSocket.connect(url(), TestTokens.forUser(user));
                JsonSocket b = JsonSocket.connect(url(), TestTokens.forUser(user));
                JsonSocket stranger = JsonSocket.connect(url(), TestTokens.forUser(UUID.randomUUID()))) {
            assertNotNull(a.next("authenticated", WAIT));
            assertNotNull(b.next("authenticated", WAIT));
            assertNotNull(stranger.next("authenticated", WAIT));
            UUID project = UUID.randomUUID();
            JsonNode got = null;
            // the consumer joins its fresh group at the newest offset: publish until it is assigned
            for (int i = 0; i < 20 && got == null; i++) {
                LocalKafka.publish(
                        ContentEvents.MilestoneReached.of(user, project, "25_percent", 250, 1000, Instant.now()));
                got = a.next("milestone:reached", Duration.ofSeconds(1));
            }
            assertNotNull(got, "milestone:reached never arrived");
            assertEquals(project.toString(), got.path("data").path("projectId").asText());
            assertEquals("25_percent", got.path("data").path("milestone").asText());
            assertEquals(250, got.path("data").path("wordCount").asInt());
            assertNotNull(b.next("milestone:reached", WAIT));
            assertNull(stranger.next("milestone:reached", Duration.ofMillis(500)));
        }
    }

    @Test
    void cursorIsRelayedToTheUsersOtherDevices() throws Exception {
        UUID user = UUID.randomUUID();
        try (JsonSocket a = JsonSocket.connect(url(), TestTokens.forUser(user));
                JsonSocket b = JsonSocket.connect(url(), TestTokens.forUser(user))) {
            assertNotNull(a.next("authenticated", WAIT));
            assertNotNull(b.next("authenticated", WAIT));
            String project = UUID.randomUUID().toString();
            a.sendRaw("{\"event\":\"sync:cursor\",\"data\":{\"projectId\":\"" + project + "\",\"cursorPosition\":42}}");
            JsonNode cursor = b.next("sync:cursor", WAIT);
            assertNotNull(cursor);
            assertEquals(42, cursor.path("data").path("cursorPosition").asInt());
            assertNull(a.next("sync:cursor", Duration.ofMillis(300)), "the sender does not get its own cursor back");
        }
    }
}
