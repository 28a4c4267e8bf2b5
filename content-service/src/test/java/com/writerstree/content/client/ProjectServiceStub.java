package com.writerstree.content.client;

import static com.writerstree.platform.testing.StubUpstream.lastSegment;
import static com.writerstree.platform.testing.StubUpstream.respond;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.writerstree.platform.testing.StubUpstream;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real HTTP server standing in for project-service's {@code GET /projects/{id}} (content-service asks it about
 * projects its replica does not know yet). Tests configure it over HTTP:
 * {@code PUT /_stub/projects/{id}} with {@code {"answer":200|403|..., "userId", "wordGoal", "status", "delayMs", "hang"}}
 * ({@code "hang": true}: a hung project-service, which accepts the request and never answers), and read the headers
 * it received with {@code GET /_stub/seen/{id}} and how many requests for the project came with
 * {@code GET /_stub/calls/{id}}. Unknown projects answer 404.
 */
public class ProjectServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "quarkus.rest-client.project-service.url";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private StubUpstream stub;
    private Map<String, JsonNode> projects;

    // ------------------------------------------------------------------ test side: configure and read the stub

    /** Makes the stub answer {@code answer} for {@code project} (keys as in the class comment). */
    public static void answer(UUID project, Map<String, Object> answer) {
        given().contentType(ContentType.JSON)
                .body(answer)
                .when()
                .put(url() + "/_stub/projects/" + project)
                .then()
                .statusCode(204);
    }

    /** The headers of the last request for {@code project} ({@code authorization}, {@code requestId}). */
    public static Response seen(UUID project) {
        return given().when().get(url() + "/_stub/seen/" + project);
    }

    /** How many requests for {@code project} the stub received. */
    public static int calls(UUID project) {
        return Integer.parseInt(given().when()
                .get(url() + "/_stub/calls/" + project)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue(URL_PROPERTY, String.class);
    }

    // ------------------------------------------------------------------------------------ the server

    @Override
    public Map<String, String> start() {
        stub = StubUpstream.start();
        projects = stub.configurable("projects");
        stub.route("/_stub/seen/", this::seen);
        stub.route("/_stub/calls/", this::calls);
        stub.route("/projects/", this::project);
        return Map.of(URL_PROPERTY, stub.url());
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private void seen(HttpExchange exchange) throws IOException {
        ObjectNode headers = seen.get(lastSegment(exchange));
        respond(exchange, headers == null ? 404 : 200, headers == null ? null : headers.toString());
    }

    private void calls(HttpExchange exchange) throws IOException {
        AtomicInteger count = calls.get(lastSegment(exchange));
        respond(exchange, 200, String.valueOf(count == null ? 0 : count.get()));
    }

    private void project(HttpExchange exchange) throws IOException {
        String id = lastSegment(exchange);
        calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
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
        if (config.path("hang").asBoolean(false)) {
            stub.hang(); // never answers while the test runs
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
}
