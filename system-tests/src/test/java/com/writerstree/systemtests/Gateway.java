package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.expectStatus;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client side of the suite: requests to the gateway under {@code /api/v1} (or the {@code /v1} alias),
 * plus the few calls nearly every test needs (create a project, save content, read them back).
 */
public final class Gateway {

    public static final String API = "/api/v1";
    public static final String V1 = "/v1";

    static {
        RestAssured.config = RestAssuredConfig.config()
                // numbers like "progress": 6.85 as doubles, not floats
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE))
                // send "application/json" as is (UTF-8), without RestAssured's default charset suffix
                .encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset("UTF-8")
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false))
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000)
                        .setParam("http.socket.timeout", 60_000));
        RestAssured.urlEncodingEnabled = true;
    }

    private Gateway() {}

    /** The gateway root (for {@code /health}). */
    public static RequestSpecification root() {
        return given().baseUri(Stack.gatewayUrl()).accept(ContentType.JSON);
    }

    /**
     * {@code /api/v1}, no credentials, from a random client IP ({@code X-Forwarded-For}; the system-test stack trusts
     * 127.0.0.1 as a proxy), so that the gateway's per-IP auth limit (5 per 15 min) never mixes tests up.
     */
    public static RequestSpecification api() {
        return apiFrom(randomClientIp());
    }

    /** {@code /api/v1} as the holder of {@code token} (Authorization: Bearer). */
    public static RequestSpecification api(String token) {
        return api().header("Authorization", "Bearer " + token);
    }

    /** The production-style {@code /v1} prefix as the holder of {@code token}. */
    public static RequestSpecification v1(String token) {
        return given().baseUri(Stack.gatewayUrl())
                .basePath(V1)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }

    // ---------------------------------------------------------------- projects

    public static Response createProjectRaw(String token, Object body) {
        return api(token).body(body).post("/projects");
    }

    /** Creates a project and returns its id (asserts 201). */
    public static String createProject(String token, String title, Integer wordGoal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        if (wordGoal != null) {
            body.put("wordGoal", wordGoal);
        }
        Response r = createProjectRaw(token, body);
        expectStatus(r, 201);
        String id = r.jsonPath().getString("data.id");
        assertNotNull(id, "created project has no data.id: " + Http.describe(r));
        return id;
    }

    public static Response getProject(String token, String projectId) {
        return api(token).get("/projects/{id}", projectId);
    }

    /** GET /projects (up to 100) and asserts 200. */
    public static Response listProjects(String token) {
        Response r = api(token).queryParam("limit", 100).get("/projects");
        expectStatus(r, 200);
        return r;
    }

    /** The project as {@code GET /projects} lists it, if it is listed. */
    public static Optional<Map<String, Object>> listedProject(String token, String projectId) {
        List<Map<String, Object>> projects = listProjects(token).jsonPath().getList("data.projects");
        return projects.stream().filter(p -> projectId.equals(p.get("id"))).findFirst();
    }

    /** The {@code currentWordCount} that {@code GET /projects} shows for the project (-1 when not listed). */
    public static int listedWordCount(String token, String projectId) {
        return listedProject(token, projectId)
                .map(p -> ((Number) p.get("currentWordCount")).intValue())
                .orElse(-1);
    }

    public static int projectTotal(String token) {
        return listProjects(token).jsonPath().getInt("data.total");
    }

    // ---------------------------------------------------------------- content

    /** PUT /projects/{id}/content with {@code content}, base {@code version} and an optional word count hint. */
    public static Response saveContentRaw(
            String token, String projectId, String text, Integer baseVersion, Integer wordCountHint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", text);
        if (wordCountHint != null) {
            body.put("wordCount", wordCountHint);
        }
        if (baseVersion != null) {
            body.put("version", baseVersion);
        }
        return api(token).body(body).put("/projects/{id}/content", projectId);
    }

    /** Saves on top of {@code baseVersion} and asserts 200 with version baseVersion + 1; returns the response. */
    public static Response saveContent(String token, String projectId, String text, int baseVersion) {
        Response r = saveContentRaw(token, projectId, text, baseVersion, null);
        expectStatus(r, 200);
        assertEquals(baseVersion + 1, r.jsonPath().getInt("data.version"), "saved version: " + Http.describe(r));
        return r;
    }

    /** What GET /projects/{id} shows of the content: text, version, wordCount (asserts 200). */
    public static StoredContent storedContent(String token, String projectId) {
        Response r = getProject(token, projectId);
        expectStatus(r, 200);
        return new StoredContent(
                r.jsonPath().getString("data.content.text"),
                r.jsonPath().getInt("data.content.version"),
                r.jsonPath().getInt("data.content.wordCount"));
    }

    public record StoredContent(String text, int version, int wordCount) {}

    // ---------------------------------------------------------------- client addresses (gateway limits)

    /** {@code /api/v1}, no credentials, as the client at {@code clientIp} (sent as {@code X-Forwarded-For}). */
    public static RequestSpecification apiFrom(String clientIp) {
        return given().baseUri(Stack.gatewayUrl())
                .basePath(API)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .header("X-Forwarded-For", clientIp);
    }

    /** A random address in 10.0.0.0/8: one per test user makes every test user its own IP bucket. */
    public static String randomClientIp() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
