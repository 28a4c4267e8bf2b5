package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Socket.IO at /socket.io/ (issue #18, spec §5.1) driven by the real npm {@code socket.io-client} 4.x
 * ({@link NodeDevice}): the three transport choices, two devices of one user on two replicas, another user's device,
 * acknowledgements, revocation, and long-polling requests that reach the other replica.
 */
class SocketIoIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Object> save(String projectId, String content, int version) {
        return Map.of("projectId", projectId, "content", content, "version", version);
    }

    @Test
    void threeTransportChoicesOnTwoReplicasSeeEachOthersSavesAndAStrangerSeesNothing() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        TestUsers.TestUser stranger = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Socket.IO novel", 1000);
        // long enough for a patch to be smaller than the text
        String text1 = "Written on A." + " The rain kept falling on the town.".repeat(8);
        String text2 = text1 + " Then C.";
        try (NodeDevice a = NodeDevice.start(Stack.gatewayUrl(), NodeDevice.withToken(user.token()));
                NodeDevice b = NodeDevice.start(
                        Stack.gateway2Url(), NodeDevice.transports(NodeDevice.withToken(user.token()), "websocket"));
                NodeDevice c = NodeDevice.start(
                        Stack.gateway2Url(), NodeDevice.transports(NodeDevice.withToken(user.token()), "polling"));
                NodeDevice other = NodeDevice.start(Stack.gatewayUrl(), NodeDevice.withToken(stranger.token()));
                NodeDevice patching = NodeDevice.start(Stack.gateway2Url(), patches(user.token()))) {
            // default options: long-polling first, then the upgrade to WebSocket
            assertEquals("polling", a.awaitType("open").path("transport").asText());
            assertEquals("websocket", a.awaitType("upgrade").path("transport").asText());
            assertEquals("websocket", b.awaitType("open").path("transport").asText());
            assertEquals("polling", c.awaitType("open").path("transport").asText());
            assertNull(c.poll(l -> "upgrade".equals(l.path("type").asText()), Duration.ofMillis(200)));
            assertEquals(
                    user.userId(), a.awaitEvent("authenticated").path("userId").asText());
            for (NodeDevice device : new NodeDevice[] {b, c, other, patching}) {
                assertNotNull(device.awaitEvent("authenticated"));
            }

            // A saves (gateway 1, WebSocket after the upgrade): the acknowledgement carries the new version
            JsonNode ack = a.awaitAck(a.emitWithAck("sync:content", save(projectId, text1, 0)));
            assertEquals(1, ack.path("version").asInt(), ack.toString());
            assertEquals(projectId, ack.path("projectId").asText());
            assertNotNull(ack.path("savedAt").asText(null));
            for (NodeDevice device : new NodeDevice[] {b, c, patching}) {
                JsonNode update = device.awaitEvent("sync:update");
                assertEquals(1, update.path("version").asInt());
                assertEquals(text1, update.path("content").asText());
            }

            // C saves over long-polling on gateway 2; A (gateway 1) and B (gateway 2) see it
            JsonNode second = c.awaitAck(c.emitWithAck("sync:content", save(projectId, text2, 1)));
            assertEquals(2, second.path("version").asInt(), second.toString());
            assertEquals(2, a.awaitEvent("sync:update").path("version").asInt());
            assertEquals(text2, b.awaitEvent("sync:update").path("content").asText());
            assertNull(c.pollEvent("sync:update", Duration.ofMillis(500)), "no echo to the sender");
            // the device that asked for patches gets the change against the version it holds, not the text
            JsonNode patch = patching.awaitEvent("sync:update");
            assertEquals(2, patch.path("version").asInt(), patch.toString());
            assertEquals(1, patch.path("baseVersion").asInt(), patch.toString());
            assertTrue(patch.path("content").isMissingNode(), patch.toString());
            assertEquals("retain", patch.path("patch").get(0).path("op").asText(), patch.toString());
            assertEquals(text1.length(), patch.path("patch").get(0).path("n").asInt(), patch.toString());
            assertEquals(" Then C.", patch.path("patch").get(1).path("text").asText(), patch.toString());

            // a save without an acknowledgement is answered with the sync:ack event, as on /ws/sync
            b.emit("sync:content", save(projectId, text1 + " Then B.", 2));
            assertEquals(3, b.awaitEvent("sync:ack").path("version").asInt());

            // a stale base whose edit overlaps B's (both rewrote "C."): the acknowledgement carries the conflict
            JsonNode conflict = a.awaitAck(a.emitWithAck("sync:content", save(projectId, text1 + " Then X.", 2)));
            assertEquals(3, conflict.path("conflict").path("serverVersion").asInt(), conflict.toString());

            // cursors go to the other devices of the user
            a.emit("sync:cursor", Map.of("projectId", projectId, "cursorPosition", 5));
            assertEquals(5, c.awaitEvent("sync:cursor").path("cursorPosition").asInt());

            assertNull(other.pollEvent("sync:update", Duration.ofMillis(500)), "another user sees nothing");
            assertNull(other.pollEvent("sync:cursor", Duration.ofMillis(100)));
        }
    }

    @Test
    void authenticateEventCookieAndRevocation() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        // spec §5.1: connect, then emit authenticate
        try (NodeDevice plain = NodeDevice.start(Stack.gatewayUrl(), NodeDevice.options())) {
            plain.awaitType("connect");
            JsonNode answer = plain.awaitAck(plain.emitWithAck("authenticate", Map.of("token", user.token())));
            assertEquals(user.userId(), answer.path("userId").asText(), answer.toString());
        }
        // the auth_token cookie (a browser on the same site sends it by itself)
        var cookie = NodeDevice.transports(NodeDevice.options(), "websocket");
        cookie.putObject("extraHeaders").put("Cookie", "auth_token=" + user.token());
        try (NodeDevice browser = NodeDevice.start(Stack.gateway2Url(), cookie)) {
            assertEquals(
                    user.userId(),
                    browser.awaitEvent("authenticated").path("userId").asText());
        }
        // an invalid token is refused at connection
        try (NodeDevice forged = NodeDevice.start(Stack.gatewayUrl(), NodeDevice.withToken("not-a-token"))) {
            JsonNode error = forged.awaitType("connect_error");
            assertEquals("INVALID_TOKEN", error.path("data").path("code").asText(), error.toString());
        }
        // logout revokes the token: both devices (two replicas, two transports) are disconnected by the server
        try (NodeDevice a = NodeDevice.start(Stack.gatewayUrl(), NodeDevice.withToken(user.token()));
                NodeDevice b = NodeDevice.start(
                        Stack.gateway2Url(), NodeDevice.transports(NodeDevice.withToken(user.token()), "polling"))) {
            a.awaitEvent("authenticated");
            b.awaitEvent("authenticated");
            Http.expectStatus(Gateway.api(user.token()).body("{}").post("/auth/logout"), 200);
            for (NodeDevice device : new NodeDevice[] {a, b}) {
                assertEquals(
                        "INVALID_TOKEN", device.awaitEvent("error").path("code").asText());
                assertEquals(
                        "io server disconnect",
                        device.awaitType("disconnect").path("reason").asText());
            }
        }
        try (NodeDevice again = NodeDevice.start(Stack.gatewayUrl(), NodeDevice.withToken(user.token()))) {
            assertEquals(
                    "INVALID_TOKEN",
                    again.awaitType("connect_error").path("data").path("code").asText());
        }
    }

    @Test
    void longPollingRequestsThatReachTheOtherReplicaAreRoutedToTheSession() throws Exception {
        Assumptions.assumeFalse(
                Stack.gateway2Url().equals(Stack.gatewayUrl()), "needs a second replica (-Dwt.gateway2.url)");
        TestUsers.TestUser user = TestUsers.register();
        HttpClient http = HttpClient.newHttpClient();
        String one = Stack.gatewayUrl() + "/socket.io/?EIO=4&transport=polling";
        String open = get(http, one);
        String sid = MAPPER.readTree(open.substring(1)).path("sid").asText();
        String two = Stack.gateway2Url() + "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        // the session lives on replica 1; every request below goes to replica 2 (as a load balancer without
        // affinity would send it)
        HttpResponse<String> posted = http.send(
                HttpRequest.newBuilder(URI.create(two))
                        .POST(HttpRequest.BodyPublishers.ofString("40{\"token\":\"" + user.token() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        String received = "";
        for (int i = 0; i < 5 && !received.contains("authenticated"); i++) {
            received += get(http, two);
        }
        assertTrue(received.startsWith("40{\"sid\""), received);
        assertTrue(received.contains("42[\"authenticated\""), received);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode patches(String token) {
        var options = NodeDevice.withToken(token);
        ((com.fasterxml.jackson.databind.node.ObjectNode) options.get("auth")).put("patches", true);
        return options;
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }
}
