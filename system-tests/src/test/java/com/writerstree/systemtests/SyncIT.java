package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.platform.testing.JsonSocket;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real-time multi-device sync (spec §5) through the real stack: device A on the first gateway replica, device B of
 * the same user on the second ({@code -Dwt.gateway2.url}; the same replica when it is not given).
 */
class SyncIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void saveOnOneDeviceReachesTheOtherDeviceOnAnotherReplicaWithinOneSecond() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        TestUsers.TestUser stranger = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Sync novel", 1000);
        try (Device a = Device.on(Stack.gatewayUrl(), user.token());
                Device b = Device.on(Stack.gateway2Url(), user.token());
                Device other = Device.on(Stack.gateway2Url(), stranger.token())) {
            // the first save of a project also warms up the path (project replica, JIT); the second one is timed
            a.send("sync:content", "{\"projectId\":\"" + projectId + "\",\"content\":\"Warm up\",\"version\":0}");
            assertEquals(1, b.await("sync:update").getInt("data.version"));
            assertEquals(1, a.await("sync:ack").getInt("data.version"));
            String text = "The second line written on device A.";
            long sent = System.nanoTime();
            a.send("sync:content", "{\"projectId\":\"" + projectId + "\",\"content\":\"" + text + "\",\"version\":1}");
            JsonPath update = b.await("sync:update");
            long latencyMs = (System.nanoTime() - sent) / 1_000_000;
            assertEquals(projectId, update.getString("data.projectId"));
            assertEquals(2, update.getInt("data.version"));
            assertEquals(text, update.getString("data.content"));
            assertEquals(7, update.getInt("data.wordCount"));
            assertNotNull(update.getString("data.updatedAt"));
            assertTrue(latencyMs < 1000, "device-to-device latency " + latencyMs + " ms");

            JsonPath ack = a.await("sync:ack");
            assertEquals(2, ack.getInt("data.version"));
            assertEquals(projectId, ack.getString("data.projectId"));
            assertNotNull(ack.getString("data.savedAt"));
            assertNull(a.poll("sync:update", Duration.ofMillis(700)), "the sender gets no echo of its own save");
            assertNull(other.poll("sync:update", Duration.ofMillis(300)), "another user's device never receives it");
        }
    }

    @Test
    void overlappingEditsFromTwoDevicesConflictWithTheServerVersion() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Conflicts", 1000);
        Gateway.saveContent(user.token(), projectId, "alpha beta gamma", 0);
        try (Device a = Device.on(Stack.gatewayUrl(), user.token());
                Device b = Device.on(Stack.gateway2Url(), user.token())) {
            a.send(
                    "sync:content",
                    "{\"projectId\":\"" + projectId + "\",\"content\":\"alpha BETA gamma\",\"version\":1}");
            assertEquals(2, a.await("sync:ack").getInt("data.version"));
            // B still edits version 1, the same word
            b.send(
                    "sync:content",
                    "{\"projectId\":\"" + projectId + "\",\"content\":\"alpha beta-two gamma\",\"version\":1}");
            JsonPath conflict = b.await("sync:conflict");
            assertEquals(projectId, conflict.getString("data.projectId"));
            assertEquals(2, conflict.getInt("data.serverVersion"));
            assertEquals(1, conflict.getInt("data.clientVersion"));
            assertEquals("alpha BETA gamma", conflict.getString("data.serverContent"));
            assertEquals("Your changes conflict with recent updates", conflict.getString("data.message"));
            // the connection survives the conflict
            b.send("ping", "{}");
            assertNotNull(b.await("pong"));
        }
        assertEquals(
                "alpha BETA gamma",
                Gateway.storedContent(user.token(), projectId).text());
    }

    @Test
    void milestoneReachesEveryDeviceOfTheUser() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Milestones", 1000);
        try (Device a = Device.on(Stack.gatewayUrl(), user.token());
                Device b = Device.on(Stack.gateway2Url(), user.token())) {
            a.send(
                    "sync:content",
                    "{\"projectId\":\"" + projectId + "\",\"content\":\"" + Texts.words(260) + "\",\"version\":0}");
            for (Device device : new Device[] {a, b}) {
                JsonPath milestone = device.await("milestone:reached");
                assertEquals(projectId, milestone.getString("data.projectId"));
                assertEquals("25_percent", milestone.getString("data.milestone"));
                assertEquals(260, milestone.getInt("data.wordCount"));
            }
        }
    }

    @Test
    void logoutClosesEveryWebSocketOfThatSession() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        try (Device a = Device.on(Stack.gatewayUrl(), user.token());
                Device b = Device.on(Stack.gateway2Url(), user.token())) {
            Http.expectStatus(Gateway.api(user.token()).body("{}").post("/auth/logout"), 200);
            for (Device device : new Device[] {a, b}) {
                assertEquals("INVALID_TOKEN", device.await("error").getString("data.code"));
                assertEquals(4401, device.closed.get(10, TimeUnit.SECONDS));
            }
        }
        // and the token no longer opens a socket
        try (Device again = Device.connect(Stack.gatewayUrl())) {
            again.send("authenticate", "{\"token\":\"" + user.token() + "\"}");
            assertEquals("INVALID_TOKEN", again.await("error").getString("data.code"));
        }
    }

    @Test
    void reconnectingDeviceResumesWhatItMissedAndNothingAcknowledgedIsLost() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Resume", 1000);
        try (Device a = Device.on(Stack.gatewayUrl(), user.token())) {
            Device b = Device.on(Stack.gateway2Url(), user.token());
            a.send("sync:content", "{\"projectId\":\"" + projectId + "\",\"content\":\"one two\",\"version\":0}");
            assertEquals(1, a.await("sync:ack").getInt("data.version"));
            assertEquals(1, b.await("sync:update").getInt("data.version"));
            // B's replica goes away mid-session (the connection is cut without a close handshake)
            b.abort();
            a.send("sync:content", "{\"projectId\":\"" + projectId + "\",\"content\":\"one two three\",\"version\":1}");
            assertEquals(2, a.await("sync:ack").getInt("data.version"));
            // B reconnects to the surviving replica and resumes from the version it had
            try (Device b2 = Device.on(Stack.gatewayUrl(), user.token())) {
                b2.send("sync:resume", "{\"projects\":[{\"projectId\":\"" + projectId + "\",\"version\":1}]}");
                JsonPath update = b2.await("sync:update");
                assertEquals(2, update.getInt("data.version"));
                assertEquals("one two three", update.getString("data.content"));
                // up to date: resume sends nothing
                b2.send("sync:resume", "{\"projects\":[{\"projectId\":\"" + projectId + "\",\"version\":2}]}");
                assertNull(b2.poll("sync:update", Duration.ofMillis(700)));
                // B writes on top of what it resumed; acknowledged on the surviving replica
                b2.send(
                        "sync:content",
                        "{\"projectId\":\"" + projectId + "\",\"content\":\"one two three four\",\"version\":2}");
                assertEquals(3, b2.await("sync:ack").getInt("data.version"));
            }
        }
        Gateway.StoredContent stored = Gateway.storedContent(user.token(), projectId);
        assertEquals(3, stored.version());
        assertEquals("one two three four", stored.text());
    }

    @Test
    void badMessagesAreAnsweredWithErrorsAndTheConnectionSurvives() throws Exception {
        TestUsers.TestUser user = TestUsers.register();
        try (Device a = Device.on(Stack.gatewayUrl(), user.token())) {
            a.sendRaw("{this is not json");
            JsonPath error = a.await("error");
            assertEquals("VALIDATION_ERROR", error.getString("data.code"));
            assertNotNull(error.getString("data.requestId"));
            a.send("sync:unknown", "{}");
            assertEquals("VALIDATION_ERROR", a.await("error").getString("data.code"));
            a.send(
                    "sync:content",
                    "{\"projectId\":\"00000000-0000-4000-8000-000000000000\",\"content\":\"x\",\"version\":0}");
            JsonPath missing = a.await("error");
            assertTrue(missing.getString("data.code").matches("NOT_FOUND|FORBIDDEN"), missing.prettify());
            a.send("ping", "{}");
            assertNotNull(a.await("pong"));
            assertFalse(a.closed.isDone());
        }
    }

    /** One device: the shared test WebSocket (platform-testing's JsonSocket), its frames read as JsonPath. */
    static final class Device implements AutoCloseable {
        final JsonSocket socket;
        final CompletableFuture<Integer> closed;

        private Device(JsonSocket socket) {
            this.socket = socket;
            this.closed = socket.closed;
        }

        static Device connect(String gatewayUrl) throws Exception {
            return new Device(JsonSocket.connect(Stack.syncUrl(gatewayUrl), null));
        }

        /** Connected and authenticated (by message) as the holder of {@code token}. */
        static Device on(String gatewayUrl, String token) throws Exception {
            Device device = connect(gatewayUrl);
            device.send("authenticate", "{\"token\":\"" + token + "\"}");
            device.await("authenticated");
            return device;
        }

        void send(String event, String dataJson) {
            socket.send(event, dataJson);
        }

        void sendRaw(String frame) {
            socket.sendRaw(frame);
        }

        JsonPath await(String event) throws InterruptedException {
            JsonPath m = poll(event, WAIT);
            assertNotNull(m, "no " + event + " within " + WAIT);
            return m;
        }

        /** The next message with this event (others before it are dropped), or null. */
        JsonPath poll(String event, Duration timeout) throws InterruptedException {
            JsonNode m = socket.next(event, timeout);
            return m == null ? null : new JsonPath(m.toString());
        }

        void abort() {
            socket.abort();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
