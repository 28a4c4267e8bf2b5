package com.writerstree.content.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.platform.messaging.OutboxMetrics;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scrapes the running service as Prometheus does: metrics live on the management port only, request latency comes
 * as histogram buckets per route template, and no id a request carried (project ids, junk paths) reaches a label.
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
class MetricsScrapeTest {

    private static final Pattern UUID_IN_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The management interface's root is /q already. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource("/")
    URL base;

    @Inject
    OutboxMetrics outbox;

    @Test
    void histogramsPerRouteTemplateAndNoIdsInLabels() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String token = TestTokens.forUser(UUID.randomUUID());
        for (UUID id : ids) {
            // authenticated and anonymous requests on routes with ids, and junk paths with ids in them
            given().baseUri(base.toString())
                    .cookie("auth_token", token)
                    .get("/projects/{id}/content", id)
                    .then()
                    .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
            given().baseUri(base.toString())
                    .contentType(ContentType.JSON)
                    .body("{\"content\":\"x\",\"version\":0}")
                    .put("/projects/{id}/content", id)
                    .then()
                    .statusCode(401);
            given().baseUri(base.toString()).get("/junk/" + id).then().statusCode(404);
            given().baseUri(base.toString()).get("/projects/" + id + "/versions/" + id + "/x");
        }
        outbox.refreshNow();

        String scrape = given().get(metrics).then().statusCode(200).extract().asString();

        Matcher leak = UUID_IN_TEXT.matcher(scrape);
        assertFalse(leak.find(), () -> "an id reached the metrics: " + lineAround(scrape, leak.start()));
        assertTrue(
                scrape.lines()
                        .anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{")
                                && l.contains("uri=\"/projects/{projectId}/content\"")
                                && l.contains("le=\"1.0\"")),
                "a latency histogram bucket at 1 s for the content route template:\n" + head(scrape));
        assertTrue(scrape.contains("agroal_active_count"), "datasource pool metrics are exported");
        assertTrue(scrape.contains("agroal_awaiting_count"), "pool waiters are exported");
        assertTrue(
                scrape.lines().anyMatch(l -> l.startsWith("outbox_pending_events") && !l.endsWith("NaN")),
                "the outbox backlog gauge has a value");
        assertTrue(scrape.contains("outbox_oldest_pending_age_seconds"), "the age of the oldest pending event");
        assertTrue(scrape.contains("kafka_consumer_"), "Kafka consumer metrics (lag) are exported");
        assertTrue(scrape.contains("auto_saves_total{status=\"rejected\""), "client errors are counted apart");
    }

    @Test
    void theServicePortDoesNotServeMetrics() {
        assertEquals(
                404,
                given().baseUri(base.toString()).get("/q/metrics").statusCode(),
                "metrics only on the management port");
        given().baseUri(base.toString()).get("/q/health/ready").then().statusCode(200);
    }

    private static String lineAround(String text, int index) {
        int start = text.lastIndexOf('\n', index) + 1;
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String head(String scrape) {
        return scrape.lines()
                .filter(l -> l.startsWith("http_server_requests"))
                .limit(20)
                .reduce("", (a, b) -> a + b + "\n");
    }
}
