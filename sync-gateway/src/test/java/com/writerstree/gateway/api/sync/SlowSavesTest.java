package com.writerstree.gateway.api.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.writerstree.gateway.api.StubServer;
import com.writerstree.platform.testing.JsonSocket;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A slow content-service holds the saving connections, not the gateway (issue 12: "a slow content-service must not
 * stall other users' updates"). The gateway runs here with 4 worker threads, and content-service (a stub) holds every
 * save until the test releases it: with 8 saves pending, another writer still connects, authenticates and gets her
 * pong at once; each saving connection answers its later message only after its save's ack (one message of a
 * connection at a time, in order); nothing is lost when the saves complete.
 */
@QuarkusTest
@WithTestResource(SlowSavesTest.HoldingContentService.class)
class SlowSavesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int PENDING = 8;

    @TestHTTPResource("/ws/sync")
    URI uri;

    /** content-service answering saves only once {@link #RELEASE} is counted down. */
    public static class HoldingContentService implements QuarkusTestResourceLifecycleManager {

        static final CountDownLatch RELEASE = new CountDownLatch(1);
        static final AtomicInteger RECEIVED = new AtomicInteger();

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            server = StubServer.start(Map.of("/projects/", HoldingContentService::save));
            return Map.of(
                    "gateway.services.content.url", StubServer.url(server),
                    // fewer workers than pending saves: a save that held a thread would starve the others
                    "quarkus.thread-pool.core-threads", "1",
                    "quarkus.thread-pool.max-threads", "4");
        }

        private static void save(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            RECEIVED.incrementAndGet();
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            StubServer.sendJson(
                    exchange,
                    200,
                    "{\"success\":true,\"data\":{\"version\":2,\"wordCount\":3,"
                            + "\"savedAt\":\"2026-12-01T12:00:00Z\",\"merged\":false}}");
        }

        @Override
        public void stop() {
            RELEASE.countDown();
            if (server != null) {
                server.stop(0);
            }
        }
    }

    private String url() {
        return uri.toString().replaceFirst("^http", "ws");
    }

    @Test
    void pendingSavesHoldTheirConnectionsButNoThread() throws Exception {
        List<JsonSocket> saving = new ArrayList<>();
        try {
            for (int i = 0; i < PENDING; i++) {
                JsonSocket device = JsonSocket.connect(url(), TestTokens.forUser(UUID.randomUUID()));
                saving.add(device);
                assertNotNull(device.next("authenticated", WAIT));
                device.send(
                        "sync:content",
                        "{\"projectId\":\"" + UUID.randomUUID() + "\",\"content\":\"Call me Ishmael.\"}");
                device.send("ping", "{}");
            }
            await().atMost(WAIT).until(() -> HoldingContentService.RECEIVED.get() == PENDING);

            // another writer, while 8 saves wait on 4 worker threads
            try (JsonSocket other = JsonSocket.connect(url(), TestTokens.forUser(UUID.randomUUID()))) {
                assertNotNull(other.next("authenticated", WAIT), "a new connection authenticates");
                other.send("ping", "{}");
                assertNotNull(other.next("pong", WAIT), "and is answered");
            }
            // a saving connection's ping waits for its save
            assertNull(saving.get(0).next("pong", Duration.ofMillis(300)), "the ping after a pending save waits");

            HoldingContentService.RELEASE.countDown();
            for (JsonSocket device : saving) {
                JsonNode ack = device.next("sync:ack", WAIT);
                assertNotNull(ack, "each save is acknowledged once content-service answers");
                assertEquals(2, ack.path("data").path("version").asInt());
                assertNotNull(device.next("pong", WAIT), "then the connection's next message is answered");
            }
        } finally {
            HoldingContentService.RELEASE.countDown();
            saving.forEach(JsonSocket::close);
        }
    }
}
