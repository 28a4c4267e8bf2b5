package com.writerstree.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * S3 goes down and comes back (issue #8, fault suite): the stack's OWN s3proxy (S3_PORT of its env file, started by
 * deploy/stack.sh; the shared one on 9000 is never touched) is killed with SIGKILL. As export-service's README
 * states: {@code POST /projects/{id}/export} and {@code /export-tree} answer 503 EXTERNAL_SERVICE_ERROR
 * ({@code details.service=s3}) in the §7.1 envelope, never a 500, and nothing is recorded (no export row, no
 * export event in the outbox); S3 back: exports work again without a restart and the link serves the file.
 */
@Tag("fault")
class S3DownFaultIT {

    private static final String TEXT = "Chapter one.\n\nIt rained on the day S3 went away.\n";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void exportsAnswer503WhileS3IsDownRecordNothingAndWorkAgainAfterwards() throws Exception {
        assumeTrue(
                Faults.ownEngine("s3"), "the stack has no s3proxy of its own (S3_PORT in its env file, -Dwt.s3.port)");
        TestUsers.TestUser writer = TestUsers.register();
        String project = Gateway.createProject(writer.token(), "Exported through an S3 outage", 1000);
        Gateway.saveContent(writer.token(), project, TEXT, 0);
        export(writer.token(), project, "txt", 200);
        assertEquals(1, recorded(project), "the export before the outage is recorded");

        long outageStarted = System.nanoTime();
        Faults.kill9("s3");
        try {
            assertFalse(Engines.reachable("127.0.0.1:" + Faults.s3Port()), "the stack's s3proxy is still up");
            for (String format : new String[] {"txt", "docx"}) {
                expectUnavailable(format, export(writer.token(), project, format, -1));
            }
            expectUnavailable(
                    "tree png",
                    Gateway.api(writer.token())
                            .body(Map.of("format", "png", "width", 200, "height", 150))
                            .post("/projects/{id}/export-tree", project));
            assertEquals(1, recorded(project), "nothing recorded while S3 was down");
            JsonPath listed = Http.expectSuccess(Gateway.api(writer.token()).get("/exports"), 200);
            assertEquals(1, listed.getList("data.exports").size(), "GET /exports: " + listed.prettify());
        } finally {
            Faults.start("s3");
        }

        // recovery by itself: export-service's readiness sees the bucket again, then an export works and its link
        // serves the text
        Awaitility.await("export-service ready again")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(Stack.serviceUrl("export"))
                                .get("/q/health/ready")
                                .statusCode()
                        == 200);
        JsonPath after = export(writer.token(), project, "txt", 200).jsonPath();
        String link = after.getString("data.downloadUrl");
        assertNotNull(link, "downloadUrl after the outage");
        HttpResponse<String> file = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode(), "download after the outage: " + file.body());
        assertEquals(TEXT, file.body());
        assertEquals(2, recorded(project), "one more export recorded after the outage");
        System.out.printf(
                "S3DownFaultIT: outage and recovery %d ms%n", (System.nanoTime() - outageStarted) / 1_000_000);
    }

    /** POST /projects/{id}/export; asserts {@code status} unless it is negative. */
    private static Response export(String token, String project, String format, int status) {
        Response r = Gateway.api(token).body(Map.of("format", format)).post("/projects/{id}/export", project);
        if (status > 0) {
            Http.expectStatus(r, status);
        }
        return r;
    }

    private static void expectUnavailable(String what, Response r) {
        assertEquals(503, r.statusCode(), what + " while S3 is down: " + Http.describe(r));
        assertEquals(false, r.jsonPath().getBoolean("success"), Http.describe(r));
        assertEquals("EXTERNAL_SERVICE_ERROR", r.jsonPath().getString("error.code"), Http.describe(r));
        assertEquals("s3", r.jsonPath().getString("error.details.service"), Http.describe(r));
    }

    /** Export rows of the project, and export events about it in export-service's outbox: the two must agree. */
    private static long recorded(String project) {
        long rows = Database.queryLong("select count(*) from export.export_jobs where project_id = ?::uuid", project);
        long events = Database.queryLong(
                "select count(*) from export.outbox_events where payload like ?", "%" + project + "%");
        assertEquals(rows, events, "export rows and export events of the project");
        return rows;
    }
}
