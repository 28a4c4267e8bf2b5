package com.writerstree.gateway.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The services behind the gateway, played by one JDK HTTP server on 127.0.0.1 (a port of its own) so that what
 * crosses the gateway can be seen from the other side:
 *
 * <ul>
 *   <li>project-service: records every request and answers with the status the test asks for
 *       ({@code X-Stub-Status}), a body of its own and a few headers, hop-by-hop ones among them;
 *   <li>export-service and stats-service: hang (never answer within the gateway's timeout);
 *   <li>suggestion-service: nothing listens (port 1).
 * </ul>
 *
 * The gateway's timeout is 1 s here, and a circuit opens over a window of 4 calls.
 */
public class StubUpstream implements QuarkusTestResourceLifecycleManager {

    record Seen(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    /** Requests that reached a hanging service. */
    static final Map<String, AtomicInteger> HUNG = new ConcurrentHashMap<>();

    static final String ANSWER = "{\"success\":true,\"data\":{\"from\":\"project-service\"}}";

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = StubServer.start(
                Map.of("/projects", this::project, "/exports", this::hang, "/users/me/stats", this::hang));
        String url = StubServer.url(server);
        return Map.of(
                "gateway.services.project.url", url,
                "gateway.services.export.url", url,
                "gateway.services.stats.url", url,
                "gateway.services.suggestion.url", "http://127.0.0.1:1",
                "gateway.client.request-timeout", "1s",
                "gateway.client.circuit-breaker.request-volume-threshold", "4",
                "gateway.client.circuit-breaker.delay", "30s");
    }

    private void project(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        SEEN.add(new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        String status = exchange.getRequestHeaders().getFirst("X-Stub-Status");
        exchange.getResponseHeaders().set("X-Upstream", "kept");
        exchange.getResponseHeaders().set("Keep-Alive", "timeout=5");
        exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"stub\"");
        StubServer.sendJson(exchange, status == null ? 200 : Integer.parseInt(status), ANSWER);
    }

    /** A service that accepted the connection and then says nothing (until the test ends). */
    private void hang(HttpExchange exchange) throws IOException {
        HUNG.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                .incrementAndGet();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    @Override
    public void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }
}
