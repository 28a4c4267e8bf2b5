package com.writerstree.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scrapes export-service and suggestion-service on their management ports as Prometheus does, after a real export
 * and a real suggestion through the gateway (issue #14): the export timings (render and upload per format) and the
 * suggestion timings (per request, model lookup) are histograms with the SLO buckets, their labels are the fixed
 * sets the services document, and no id (project, user, export) reaches any label.
 */
class MetricsScrapeIT {

    private static final Pattern UUID_IN_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void exportTimingsAreHistogramsPerFormat() {
        TestUsers.TestUser writer = TestUsers.register();
        String project = Gateway.createProject(writer.token(), "Measured export", 1000);
        Gateway.saveContent(writer.token(), project, "Chapter one.\n\nA measured sentence.\n", 0);
        Http.expectStatus(
                Gateway.api(writer.token()).body(Map.of("format", "docx")).post("/projects/{id}/export", project), 200);

        String scrape = scrape("export");
        assertBucket(scrape, "export_render_seconds_bucket{", "format=\"docx\"");
        assertBucket(scrape, "export_upload_seconds_bucket{", "format=\"docx\"", "outcome=\"success\"");
        assertNoIds(scrape);
    }

    @Test
    void suggestionTimingsAreHistogramsPerRequestAndModelLookup() {
        TestUsers.TestUser writer = TestUsers.register();
        Http.expectStatus(
                Gateway.api(writer.token())
                        .body(Map.of("context", "It was a dark and stormy", "limit", 3))
                        .post("/suggestions"),
                200);

        String scrape = scrape("suggestion");
        assertBucket(scrape, "suggestion_request_seconds_bucket{", "outcome=\"suggested\"");
        // a writer who has saved nothing has no model of their own yet
        assertBucket(scrape, "suggestion_model_lookup_seconds_bucket{", "model=\"none\"");
        assertNoIds(scrape);
    }

    private static String scrape(String service) {
        return given().baseUri(Stack.managementUrl(service))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** A bucket line of the metric with every given label, at the 1 s SLO boundary. */
    private static void assertBucket(String scrape, String prefix, String... labels) {
        assertTrue(
                scrape.lines()
                        .anyMatch(l -> l.startsWith(prefix)
                                && l.contains("le=\"1.0\"")
                                && java.util.Arrays.stream(labels).allMatch(l::contains)),
                () -> "no " + prefix + String.join(",", labels) + ",le=\"1.0\"} line in:\n"
                        + scrape.lines()
                                .filter(l -> l.startsWith(prefix.substring(0, prefix.indexOf('_'))))
                                .reduce("", (a, b) -> a + b + "\n"));
    }

    private static void assertNoIds(String scrape) {
        Matcher leak = UUID_IN_TEXT.matcher(scrape);
        assertFalse(
                leak.find(),
                () -> "an id reached the metrics: "
                        + scrape.substring(
                                Math.max(0, leak.start() - 200), Math.min(scrape.length(), leak.end() + 50)));
    }
}
