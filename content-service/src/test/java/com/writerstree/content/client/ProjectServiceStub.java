package com.writerstree.content.client;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for project-service's {@code GET /projects/{id}} (content-service asks it about
 * projects its replica does not know yet). Tests configure it over HTTP:
 * {@code PUT /_stub/projects/{id}} with {@code {"answer":200|403|..., "userId", "wordGoal", "status", "delayMs"}},
 * and read the headers it received with {@code GET /_stub/seen/{id}}. Unknown projects answer 404.
 */
public class ProjectServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "quarkus.rest-client.project-service.url";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> projects = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> seen = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/_stub/projects/", this::configure);
        server.createContext("/_stub/seen/", this::seen);
        server.createContext("/projects/", this::project);
        server.start();
        return Map.of(URL_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private void configure(HttpExchange exchange) throws IOException {
        String id = lastSegment(exchange);
        projects.put(id, JSON.readTree(exchange.getRequestBody()));
        respond(exchange, 204, null);
    }

    private void seen(HttpExchange exchange) throws IOException {
        ObjectNode headers = seen.get(lastSegment(exchange));
        respond(exchange, headers == null ? 404 : 200, headers == null ? null : headers.toString());
    }

    private void project(HttpExchange exchange) throws IOException {
        String id = lastSegment(exchange);
        ObjectNode headers = JSON.createObjectNode();
        headers.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        headers.put("requestId", exchange.getRequestHeaders().getFirst("X-Request-Id"));
        seen.put(id, headers);
        JsonNode config = projects.get(id);
        if (config == null) {
            respond(
                    exchange,
                    404,
                    "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Project not found\"}}");
            return;
        }
        long delay = config.path("delayMs").asLong(0);
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int answer = config.path("answer").asInt(200);
        if (answer != 200) {
            respond(exchange, answer, "{\"success\":false,\"error\":{\"code\":\"FORBIDDEN\",\"message\":\"no\"}}");
            return;
        }
        ObjectNode project = JSON.createObjectNode();
        project.put("id", id);
        project.put("userId", config.path("userId").asText());
        project.put("title", "A stubbed project");
        project.put("wordGoal", config.path("wordGoal").asInt(50000));
        project.put("currentWordCount", 0);
        project.put("status", config.path("status").asText("active"));
        project.put("treeSeed", "seed");
        ObjectNode body = JSON.createObjectNode().put("success", true);
        body.putObject("data").set("project", project);
        respond(exchange, 200, body.toString());
    }

    private static String lastSegment(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
