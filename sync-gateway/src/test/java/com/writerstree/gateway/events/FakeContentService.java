package com.writerstree.gateway.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for content-service's internal read ({@code GET /internal/projects/{id}/content}) that a test fills
 * with projects and can make slow per project: the gateway's fan-out is tested against a slow or fast answer,
 * which the real service cannot be made to give on demand. It records the credentials each request presented.
 */
public class FakeContentService implements QuarkusTestResourceLifecycleManager {

    record Project(UUID owner, String text, int version, long delayMillis) {}

    record Seen(String path, String serviceToken, String authorization) {}

    static final Map<UUID, Project> PROJECTS = new ConcurrentHashMap<>();
    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/internal/projects/", this::answer);
        server.start();
        return Map.of(
                "gateway.services.content.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        SEEN.add(new Seen(
                path,
                exchange.getRequestHeaders().getFirst("X-Service-Token"),
                exchange.getRequestHeaders().getFirst("Authorization")));
        String[] parts = path.split("/"); // "", internal, projects, {id}, content
        Project project = parts.length == 5 ? PROJECTS.get(UUID.fromString(parts[3])) : null;
        if (project == null) {
            send(
                    exchange,
                    404,
                    "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Project not found\"}}");
            return;
        }
        try {
            Thread.sleep(project.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(
                exchange,
                200,
                "{\"success\":true,\"data\":{\"projectId\":\"" + parts[3] + "\",\"userId\":\"" + project.owner()
                        + "\",\"text\":\"" + project.text() + "\",\"version\":" + project.version()
                        + ",\"wordCount\":" + project.text().split(" ").length
                        + ",\"lastSavedAt\":\"2026-11-30T12:00:00Z\"}}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
