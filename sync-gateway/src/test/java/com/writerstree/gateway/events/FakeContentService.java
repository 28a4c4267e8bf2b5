package com.writerstree.gateway.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.writerstree.gateway.api.StubServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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
        server = StubServer.start(Map.of("/internal/projects/", this::answer));
        return Map.of("gateway.services.content.url", StubServer.url(server));
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
            StubServer.sendJson(
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
        StubServer.sendJson(
                exchange,
                200,
                "{\"success\":true,\"data\":{\"projectId\":\"" + parts[3] + "\",\"userId\":\"" + project.owner()
                        + "\",\"text\":\"" + project.text() + "\",\"version\":" + project.version()
                        + ",\"wordCount\":" + project.text().split(" ").length
                        + ",\"lastSavedAt\":\"2026-11-30T12:00:00Z\"}}");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
