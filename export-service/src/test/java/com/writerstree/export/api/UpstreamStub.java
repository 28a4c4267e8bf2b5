package com.writerstree.export.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.writerstree.platform.testing.StubUpstream;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small HTTP server standing in for project-, content- and identity-service (other services, not engines) in
 * export-service's Quarkus tests. It answers like them: the project's owner is taken from the bearer token's
 * subject (403 for someone else's project, 404 for an unknown one), content as content-service shapes it.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    public record Project(
            UUID id,
            UUID owner,
            String title,
            int wordGoal,
            double progress,
            String seed,
            String species,
            String season) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<UUID, Project> PROJECTS = new ConcurrentHashMap<>();
    private static final Map<UUID, String> TEXTS = new ConcurrentHashMap<>();
    private static final Map<UUID, Integer> WORDS = new ConcurrentHashMap<>();
    private static final Map<UUID, List<String>> MILESTONES = new ConcurrentHashMap<>();
    private static final Map<UUID, String[]> USERS = new ConcurrentHashMap<>();

    private static final java.util.Set<String> FAILING = ConcurrentHashMap.newKeySet();
    /** The services whose data export part the stub serves (below {@code /parts/<service>}). */
    public static final List<String> PART_SERVICES =
            List.of("identity-service", "project-service", "content-service", "stats-service", "suggestion-service");

    /** Projects whose project-service answer never comes (a hung upstream), until the stub stops. */
    private static final java.util.Set<UUID> HANGING = ConcurrentHashMap.newKeySet();

    private StubUpstream stub;

    /** Makes project-service hang on {@code projectId}: the connection is accepted, the answer never sent. */
    public static void hanging(UUID projectId) {
        HANGING.add(projectId);
    }

    /** Makes a service's data export part answer 503 (true) or normally (false). */
    public static void failing(String service, boolean failing) {
        if (failing) {
            FAILING.add(service);
        } else {
            FAILING.remove(service);
        }
    }

    public static void project(Project p, String text, int wordCount, List<String> milestones) {
        PROJECTS.put(p.id(), p);
        TEXTS.put(p.id(), text);
        WORDS.put(p.id(), wordCount);
        MILESTONES.put(p.id(), milestones);
    }

    public static void user(UUID id, String fullName, String email) {
        USERS.put(id, new String[] {fullName, email});
    }

    @Override
    public Map<String, String> start() {
        stub = StubUpstream.start().route("/", this::handle);
        String url = stub.url();
        Map<String, String> config = new LinkedHashMap<>(Map.of(
                "quarkus.rest-client.project-service.url", url,
                "quarkus.rest-client.content-service.url", url,
                "quarkus.rest-client.identity-service.url", url));
        PART_SERVICES.forEach(service -> config.put("export.archive.sources." + service, url + "/parts/" + service));
        return config;
    }

    /**
     * {@code /parts/<service>/internal/users/<id>/export} as every service answers it (service credential
     * required): the profile (with the address from {@link #user}) for identity, each project's text as a file for
     * content, a marker part for the others.
     */
    private void part(HttpExchange ex) throws IOException {
        String[] segments = ex.getRequestURI().getPath().split("/");
        String service = segments[2];
        if (!"dev-service-token-not-for-production"
                .equals(ex.getRequestHeaders().getFirst("X-Service-Token"))) {
            send(ex, 401, Map.of("success", false));
            return;
        }
        if (FAILING.contains(service)) {
            send(ex, 503, Map.of("success", false));
            return;
        }
        UUID userId = UUID.fromString(segments[5]);
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("marker", service + ":" + userId);
        List<Map<String, Object>> files = new java.util.ArrayList<>();
        if (service.equals("identity-service")) {
            String[] user = USERS.get(userId);
            parts.put("profile", Map.of("id", userId.toString(), "email", user == null ? "user@example.com" : user[1]));
        }
        if (service.equals("content-service")) {
            PROJECTS.values().stream()
                    .filter(p -> p.owner().equals(userId))
                    .forEach(p -> files.add(Map.of(
                            "path",
                            "manuscripts/" + p.title().replaceAll("[^A-Za-z0-9]+", "-") + "-" + p.id() + ".md",
                            "mediaType",
                            "text/markdown",
                            "text",
                            TEXTS.get(p.id()))));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service", service);
        data.put("userId", userId.toString());
        data.put("generatedAt", "2026-11-30T00:00:00Z");
        data.put("parts", parts);
        if (!files.isEmpty()) {
            data.put("files", files);
        }
        send(ex, 200, Map.of("success", true, "data", data));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (ex.getRequestURI().getPath().startsWith("/parts/")) {
                part(ex);
                return;
            }
            UUID caller = subject(ex.getRequestHeaders().getFirst("Authorization"));
            if (caller == null) {
                send(ex, 401, Map.of("success", false));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/users/me")) {
                String[] user = USERS.get(caller);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("id", caller);
                data.put("email", user == null ? "user@example.com" : user[1]);
                data.put("fullName", user == null ? null : user[0]);
                send(ex, 200, Map.of("success", true, "data", data));
                return;
            }
            String[] parts = path.split("/");
            UUID id;
            try {
                id = UUID.fromString(parts[2]);
            } catch (RuntimeException e) {
                send(ex, 404, Map.of("success", false));
                return;
            }
            if (HANGING.contains(id)) {
                awaitStop();
                return;
            }
            Project p = PROJECTS.get(id);
            if (p == null) {
                send(ex, 404, Map.of("success", false));
                return;
            }
            if (!p.owner().equals(caller)) {
                send(ex, 403, Map.of("success", false));
                return;
            }
            if (parts.length == 3) {
                Map<String, Object> project = new LinkedHashMap<>();
                project.put("id", p.id());
                project.put("userId", p.owner());
                project.put("title", p.title());
                project.put("wordGoal", p.wordGoal());
                project.put("currentWordCount", WORDS.get(id));
                project.put("progress", p.progress());
                project.put("treeSeed", p.seed());
                project.put("treeSpecies", p.species());
                project.put("treeSeason", p.season());
                project.put("status", "active");
                send(ex, 200, Map.of("success", true, "data", Map.of("project", project)));
            } else {
                List<Map<String, Object>> milestones = MILESTONES.get(id).stream()
                        .map(t ->
                                Map.<String, Object>of("type", t, "achievedAt", "2026-01-01T00:00:00Z", "wordCount", 1))
                        .toList();
                Map<String, Object> content = new LinkedHashMap<>();
                content.put("text", TEXTS.get(id));
                content.put("version", 3);
                content.put("wordCount", WORDS.get(id));
                content.put("lastSavedAt", null);
                send(ex, 200, Map.of("success", true, "data", Map.of("content", content, "milestones", milestones)));
            }
        }
    }

    private void awaitStop() {
        stub.hang(); // never answers: the client's timeout has to cut the call
    }

    private static UUID subject(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            String payload = authorization.substring(7).split("\\.")[1];
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
            return UUID.fromString(claims.get("sub").asText());
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        StubUpstream.respond(ex, status, JSON.writeValueAsString(body));
    }
}
