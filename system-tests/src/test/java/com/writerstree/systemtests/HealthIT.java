package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.describe;
import static com.writerstree.systemtests.Http.expectStatus;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.systemtests.TestUsers.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's view: the gateway's §9.1 health report, each service's readiness, and a business metric. */
class HealthIT {

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/health", "/api/v1/health"})
    @DisplayName("the gateway reports every engine and service healthy")
    void gatewayHealth(String path) {
        Response r = Gateway.root().get(path);

        expectStatus(r, 200);
        JsonPath j = r.jsonPath();
        assertEquals("healthy", j.getString("status"), () -> describe(r));
        assertNotNull(j.getString("timestamp"), () -> describe(r));
        Instant.parse(j.getString("timestamp"));
        assertNotNull(j.get("uptime"), () -> "uptime missing: " + describe(r));
        for (String engine : List.of("database", "redis", "kafka", "smtp", "s3")) {
            assertEquals("healthy", j.getString("checks." + engine), () -> engine + ": " + describe(r));
        }
        String disk = j.getString("checks.disk");
        assertTrue(List.of("healthy", "warning").contains(disk), () -> "disk: " + describe(r));
        assertNotNull(j.get("checks.memory"), () -> "memory missing: " + describe(r));

        Map<String, Object> services = j.getMap("checks.services");
        assertNotNull(services, () -> "checks.services missing: " + describe(r));
        for (String service : Stack.SERVICES) {
            Object state = services.entrySet().stream()
                    .filter(e -> e.getKey().equals(service) || e.getKey().equals(service + "-service"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            assertNotNull(state, () -> "checks.services has no entry for " + service + ": " + describe(r));
            Object status = state instanceof Map<?, ?> m ? m.get("status") : state;
            assertEquals("healthy", String.valueOf(status), () -> service + ": " + describe(r));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway", "identity", "project", "content", "export", "stats", "suggestion"})
    @DisplayName("every service is ready (/q/health/ready UP)")
    void servicesReady(String service) {
        String base = service.equals("gateway") ? Stack.gatewayUrl() : Stack.serviceUrl(service);

        Response r = given().baseUri(base).get("/q/health/ready");

        expectStatus(r, 200);
        assertEquals("UP", r.jsonPath().getString("status"), () -> describe(r));
    }

    @Test
    @DisplayName("content-service counts auto-saves in /q/metrics on its management port (auto_saves_total)")
    void autoSavesAreCounted() {
        double before = autoSaves();
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Metered", 2000);
        Gateway.saveContent(user.token(), projectId, Texts.words(5), 0);

        double after = autoSaves();

        assertTrue(after >= before + 1, "auto_saves_total grew from " + before + " to " + after);
    }

    /** Sum of every auto_saves_total series in content-service's Prometheus output (0 when not registered yet). */
    private static double autoSaves() {
        Response r = given().baseUri(Stack.managementUrl("content")).get("/q/metrics");
        expectStatus(r, 200);
        return r.asString()
                .lines()
                .filter(l -> l.matches("auto_saves_total(\\{.*})? .*"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
