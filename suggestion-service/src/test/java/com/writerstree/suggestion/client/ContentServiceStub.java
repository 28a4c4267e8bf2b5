package com.writerstree.suggestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for content-service's {@code GET /internal/projects/{id}/content}: it answers
 * only with the service credential this resource configures, 401 otherwise (like the platform filter). Tests set
 * a project's text with {@code PUT /_stub/content/{id}} {@code {"userId","text","version"}} and read how often it
 * was fetched with {@code GET /_stub/fetches/{id}}. Unknown projects answer 404.
 */
public class ContentServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token = "stub-service-token-" + UUID.randomUUID();
    private final Map<String, JsonNode> contents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/_stub/content/", this::configure);
        server.createContext("/_stub/fetches/", this::fetches);
        server.createContext("/internal/projects/", this::content);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.content-service.url", url,
                "writerstree.internal.service-token", token,
                "content-stub.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private void configure(HttpExchange exchange) throws IOException {
        contents.put(segment(exchange, 3), JSON.readTree(exchange.getRequestBody()));
        respond(exchange, 204, null);
    }

    private void fetches(HttpExchange exchange) throws IOException {
        AtomicInteger n = fetches.get(segment(exchange, 3));
        respond(exchange, 200, String.valueOf(n == null ? 0 : n.get()));
    }

    private void content(HttpExchange exchange) throws IOException {
        if (!token.equals(exchange.getRequestHeaders().getFirst("X-Service-Token"))) {
            respond(exchange, 401, "{\"success\":false,\"error\":{\"code\":\"AUTHENTICATION_REQUIRED\"}}");
            return;
        }
        String id = segment(exchange, 3);
        fetches.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        JsonNode config = contents.get(id);
        if (config == null) {
            respond(exchange, 404, "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\"}}");
            return;
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("projectId", id);
        data.set("userId", config.get("userId"));
        data.set("text", config.get("text"));
        data.set("version", config.get("version"));
        ObjectNode body = JSON.createObjectNode();
        body.put("success", true);
        body.set("data", data);
        respond(exchange, 200, body.toString());
    }

    private static String segment(HttpExchange exchange, int index) {
        return exchange.getRequestURI().getPath().split("/")[index];
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
