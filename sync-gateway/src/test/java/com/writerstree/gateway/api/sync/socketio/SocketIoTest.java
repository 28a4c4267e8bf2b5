package com.writerstree.gateway.api.sync.socketio;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.gateway.domain.sync.SyncSessions;
import com.writerstree.platform.security.RevocationKeys;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Socket.IO at /socket.io/ over HTTP long-polling, spoken byte for byte as the Engine.IO v4 / Socket.IO v5 documents
 * show (the real npm client is driven by the system tests, SocketIoIT). Real Redis; content-service is down in %test.
 */
@QuarkusTest
class SocketIoTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/socket.io/")
    URI base;

    @Inject
    RedisDataSource redis;

    @Inject
    SyncSessions sessions;

    @Inject
    SocketIoServer server;

    /** A polling client: handshake, POST packets, GET packets. */
    final class Polling {
        final String sid;
        final JsonNode open;

        Polling() throws Exception {
            String body = get(base + "?EIO=4&transport=polling");
            assertTrue(body.startsWith("0{"), body);
            open = MAPPER.readTree(body.substring(1));
            sid = open.path("sid").asText();
        }

        void post(String... packets) throws Exception {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "?EIO=4&transport=polling&sid=" + sid))
                            .POST(HttpRequest.BodyPublishers.ofString(String.join("\u001e", packets)))
                            .header("Content-Type", "text/plain;charset=UTF-8")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("ok", answer.body());
        }

        List<String> poll() throws Exception {
            return SocketIoPackets.splitPayload(get(base + "?EIO=4&transport=polling&sid=" + sid));
        }

        private final List<String> received = new ArrayList<>();

        /** Polls until a packet starting with {@code prefix} arrives (pings answered, other packets kept). */
        String await(String prefix) throws Exception {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                for (int i = 0; i < received.size(); i++) {
                    if (received.get(i).startsWith(prefix)) {
                        return received.remove(i);
                    }
                }
                for (String packet : poll()) {
                    if (packet.equals("2")) {
                        post("3");
                    } else {
                        received.add(packet);
                    }
                }
            }
            throw new AssertionError("no packet " + prefix + " in " + received);
        }

        JsonNode awaitEvent(String event) throws Exception {
            String packet = await("42[\"" + event + "\"");
            return MAPPER.readTree(packet.substring(2)).get(1);
        }

        JsonNode awaitAck(long id) throws Exception {
            String packet = await("43" + id + "[");
            return MAPPER.readTree(packet.substring(("43" + id).length())).get(0);
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(40))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    @Test
    void aStoppingReplicaAnswersAPendingPollWithTheEngineIoCloseAndNoDisconnect() throws Exception {
        Polling client = new Polling();
        client.post("40{\"token\":\"" + TestTokens.forUser(UUID.randomUUID()) + "\"}");
        client.awaitEvent("authenticated");
        CompletableFuture<List<String>> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return client.poll();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> server.pollPending(client.sid));
        sessions.goingAway(new ShutdownDelayInitiatedEvent()); // what Quarkus fires when a stop begins
        // socket.io-client reconnects after an Engine.IO close ("transport close"), not after a DISCONNECT (41)
        assertEquals(List.of("1"), pending.get(5, TimeUnit.SECONDS));
    }

    @Test
    void handshakeConnectWithAuthAcknowledgementsAndErrors() throws Exception {
        UUID user = UUID.randomUUID();
        Polling client = new Polling();
        assertEquals("websocket", client.open.path("upgrades").get(0).asText());
        assertTrue(client.open.path("pingInterval").asInt() > 0);
        assertTrue(client.open.path("maxPayload").asLong() >= 6 * 1024 * 1024);

        client.post("40{\"token\":\"" + TestTokens.forUser(user) + "\"}");
        String connected = client.await("40");
        assertTrue(MAPPER.readTree(connected.substring(2)).path("sid").isTextual(), connected);
        assertEquals(
                user.toString(),
                client.awaitEvent("authenticated").path("userId").asText());

        client.post("421[\"ping\",{}]");
        assertTrue(client.awaitAck(1).path("timestamp").asLong() > 0);

        // content-service is down: the acknowledgement carries the error, the socket survives
        String project = UUID.randomUUID().toString();
        client.post("422[\"sync:content\",{\"projectId\":\"" + project + "\",\"content\":\"hi\",\"version\":0}]");
        assertEquals(
                "EXTERNAL_SERVICE_ERROR",
                client.awaitAck(2).path("error").path("code").asText());
        // issue #8: NUL and an unpaired surrogate are refused before anything is sent on
        client.post("423[\"sync:content\",{\"projectId\":\"" + project + "\",\"content\":\"a\\u0000b\"}]");
        assertEquals(
                "VALIDATION_ERROR",
                client.awaitAck(3).path("error").path("code").asText());
        client.post("424[\"sync:content\",{\"projectId\":\"" + project + "\",\"content\":\"a\\ud800b\"}]");
        assertEquals(
                "VALIDATION_ERROR",
                client.awaitAck(4).path("error").path("code").asText());
        // without an acknowledgement the answer is an event, as on /ws/sync
        client.post("42[\"nope\",{}]");
        assertEquals("VALIDATION_ERROR", client.awaitEvent("error").path("code").asText());
        client.post("425[\"sync:resume\",{\"projects\":[]}]");
        assertEquals(0, client.awaitAck(5).path("updated").asInt());
    }

    @Test
    void authenticateEventAfterConnectAndUnknownSessions() throws Exception {
        UUID user = UUID.randomUUID();
        Polling client = new Polling();
        // one payload (the %test auth timeout is 2 s): join, an event before authenticating, authenticate
        client.post(
                "40",
                "427[\"sync:cursor\",{}]",
                "428[\"authenticate\",{\"token\":\"" + TestTokens.forUser(user) + "\"}]");
        assertEquals(
                "AUTHENTICATION_REQUIRED",
                client.awaitAck(7).path("error").path("code").asText());
        assertEquals(user.toString(), client.awaitAck(8).path("userId").asText());

        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(URI.create(base + "?EIO=4&transport=polling&sid=nobody"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
        assertEquals(1, MAPPER.readTree(unknown.body()).path("code").asInt());
        HttpResponse<String> oldProtocol = http.send(
                HttpRequest.newBuilder(URI.create(base + "?EIO=3&transport=polling"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, oldProtocol.statusCode());
    }

    @Test
    void invalidTokenIsAConnectErrorAndARevokedSessionIsDisconnected() throws Exception {
        Polling refused = new Polling();
        refused.post("40{\"token\":\"garbage\"}");
        String error = refused.await("44");
        assertEquals(
                "INVALID_TOKEN",
                MAPPER.readTree(error.substring(2)).path("data").path("code").asText());

        UUID user = UUID.randomUUID();
        String jti = UUID.randomUUID().toString();
        String token = TestTokens.sign(TestTokens.claims(user).claim("jti", jti));
        Polling client = new Polling();
        client.post("40{\"token\":\"" + token + "\"}");
        client.awaitEvent("authenticated");
        redis.value(String.class).setex(RevocationKeys.revokedKey(jti), 60, "1");
        redis.pubsub(String.class)
                .publish(RevocationKeys.CHANNEL, "{\"jti\":\"" + jti + "\",\"userId\":\"" + user + "\"}");
        assertEquals("INVALID_TOKEN", client.awaitEvent("error").path("code").asText());
        List<String> rest = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5000;
        while (!rest.contains("1") && System.currentTimeMillis() < deadline) {
            rest.addAll(client.poll());
        }
        assertTrue(rest.contains("41") || rest.indexOf("1") >= 0, rest.toString());
        assertTrue(rest.contains("1"), "the Engine.IO session is closed: " + rest);
    }
}
