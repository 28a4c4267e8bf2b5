package com.writerstree.suggestion.client;

import static com.writerstree.platform.testing.StubUpstream.respond;
import static com.writerstree.platform.testing.StubUpstream.respondError;
import static com.writerstree.platform.testing.StubUpstream.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.writerstree.platform.testing.StubUpstream;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * content-service's {@code GET /internal/projects/{id}/content} on a {@link StubUpstream}: it answers only with the
 * service credential this resource configures, 401 otherwise (like the platform filter). Tests set a project's text
 * with {@code PUT /_stub/content/{id}} {@code {"userId","text","version"}} ({@code {"hang":true}}: the answer never
 * comes) and read how often it was fetched with {@code GET /_stub/fetches/{id}}. Unknown projects answer 404.
 */
public class ContentServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token = "stub-service-token-" + UUID.randomUUID();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private StubUpstream stub;
    private Map<String, JsonNode> contents;

    @Override
    public Map<String, String> start() {
        stub = StubUpstream.start();
        contents = stub.configurable("content");
        stub.route("/_stub/fetches/", this::fetches);
        stub.route("/internal/projects/", this::content);
        return Map.of(
                "quarkus.rest-client.content-service.url", stub.url(),
                "writerstree.internal.service-token", token,
                "content-stub.url", stub.url());
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private void fetches(HttpExchange exchange) throws IOException {
        AtomicInteger n = fetches.get(segment(exchange, 3));
        respond(exchange, 200, String.valueOf(n == null ? 0 : n.get()));
    }

    private void content(HttpExchange exchange) throws IOException {
        if (!token.equals(exchange.getRequestHeaders().getFirst("X-Service-Token"))) {
            respondError(exchange, 401, "AUTHENTICATION_REQUIRED");
            return;
        }
        String id = segment(exchange, 3);
        fetches.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        JsonNode config = contents.get(id);
        if (config == null) {
            respondError(exchange, 404, "NOT_FOUND");
            return;
        }
        if (config.path("hang").asBoolean()) {
            stub.hang();
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
}
