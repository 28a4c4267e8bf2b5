package com.writerstree.export.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.export.domain.archive.UserArchives;
import com.writerstree.export.persistence.ExportStorage;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.LocalMailbox;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The user's data export against PostgreSQL, S3 (s3proxy), GreenMail and Kafka; the other services' parts come from
 * {@link UpstreamStub} (other services, not engines). Every ZIP is downloaded through its presigned link and opened
 * with java.util.zip.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class UserArchiveTest {

    private static final String TOKEN = "dev-service-token-not-for-production";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @Inject
    S3Client s3;

    @Inject
    ExportStorage storage;

    record Writer(UUID id, String email, String token) {}

    static Writer writer(String... titles) {
        UUID user = UUID.randomUUID();
        String email = "archive-" + user + "@example.com";
        UpstreamStub.user(user, "Ada Writer", email);
        for (String title : titles) {
            UUID project = UUID.randomUUID();
            UpstreamStub.project(
                    new UpstreamStub.Project(project, user, title, 50_000, 10, "seed", "oak", "spring"),
                    "# " + title + "\n\nOnce upon a time.",
                    5,
                    List.of());
        }
        return new Writer(user, email, TestTokens.forUser(user));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static HttpResponse<byte[]> download(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String awaitStatus(Writer w, String jobId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status.equals(given().auth()
                        .oauth2(w.token())
                        .get("/users/me/export/{id}", jobId)
                        .path("data.status")));
        return jobId;
    }

    @Test
    void theZipHoldsEveryServicesPartWithAnIndexAndIsMailed() throws Exception {
        Writer w = writer("First Novel", "Second Novel");
        String jobId = given().auth()
                .oauth2(w.token())
                .get("/users/me/export")
                .then()
                .statusCode(202)
                .body("data.status", equalTo("processing"))
                .body("data.statusUrl", containsString("/users/me/export/"))
                .extract()
                .path("data.jobId");
        awaitStatus(w, jobId, "ready");
        String url = given().auth()
                .oauth2(w.token())
                .get("/users/me/export/{id}", jobId)
                .then()
                .statusCode(200)
                .body("data.downloadUrl", notNullValue())
                .body("data.expiresAt", notNullValue())
                .extract()
                .path("data.downloadUrl");
        HttpResponse<byte[]> zip = download(url);
        assertEquals(200, zip.statusCode());
        Map<String, byte[]> entries = unzip(zip.body());

        JsonNode index = JSON.readTree(entries.get("index.json"));
        assertEquals(w.id().toString(), index.path("userId").asText());
        for (String service : UpstreamStub.PART_SERVICES) {
            JsonNode entry = index.path("services").path(service);
            assertEquals("included", entry.path("status").asText(), service);
            JsonNode data = JSON.readTree(entries.get(service + "/data.json"));
            assertEquals(service + ":" + w.id(), data.path("marker").asText(), service);
        }
        assertEquals(6, index.path("services").size(), index.toString());
        JsonNode own = JSON.readTree(entries.get("export-service/data.json"));
        assertTrue(own.path("exports").isArray() && own.path("dataExports").isArray(), own.toString());
        JsonNode manuscripts = index.path("services").path("content-service").path("files");
        assertEquals(2, manuscripts.size(), manuscripts.toString());
        for (JsonNode file : manuscripts) {
            String text = new String(entries.get(file.path("path").asText()), StandardCharsets.UTF_8);
            assertTrue(text.contains("Once upon a time."), text);
        }

        String mail = LocalMailbox.awaitMessage(w.email(), 1, Duration.ofSeconds(20));
        assertTrue(mail.contains("data export is ready"), "ready mail");

        Writer stranger = writer();
        given().auth()
                .oauth2(stranger.token())
                .get("/users/me/export/{id}", jobId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(stranger.token())
                .get("/users/me/export/not-a-uuid")
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        given().get("/users/me/export").then().statusCode(401);
    }

    @Test
    void aPartThatCannotBeFetchedFailsTheJobVisiblyAndStoresNoZip() {
        Writer w = writer("Lost");
        UpstreamStub.failing("stats-service", true);
        try {
            String jobId = given().auth()
                    .oauth2(w.token())
                    .get("/users/me/export")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("data.jobId");
            awaitStatus(w, jobId, "failed");
            given().auth()
                    .oauth2(w.token())
                    .get("/users/me/export/{id}", jobId)
                    .then()
                    .body("data.failure", containsString("stats-service"))
                    .body("data.downloadUrl", equalTo(null));
            assertEquals(List.of(), objects(UserArchives.userPrefix(w.id())));
        } finally {
            UpstreamStub.failing("stats-service", false);
        }
    }

    @Test
    void identityStartsTheExportOfADeletionWithALinkThatWorksOnceReadyAndThePurgeRemovesIt() throws Exception {
        Writer w = writer("Farewell");
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "deletion"))
                .post("/internal/users/{id}/archives", w.id())
                .then()
                .statusCode(401);
        given().header("X-Service-Token", TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "sometime"))
                .post("/internal/users/{id}/archives", w.id())
                .then()
                .statusCode(400);
        var started = given().header("X-Service-Token", TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "deletion"))
                .post("/internal/users/{id}/archives", w.id())
                .then()
                .statusCode(202)
                .body("data.downloadUrl", notNullValue())
                .extract();
        String url = started.path("data.downloadUrl");
        awaitStatus(w, started.path("data.jobId"), "ready");
        assertEquals(200, download(url).statusCode(), "the link presigned at the start serves the ZIP");
        given().header("X-Service-Token", TOKEN)
                .get("/internal/users/{id}/export", w.id())
                .then()
                .statusCode(200)
                .body("data.service", equalTo("export-service"))
                .body("data.parts.dataExports.size()", equalTo(1));

        UserPurged purged = UserPurged.of(w.id());
        LocalKafka.publish(purged);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.single(
                                db,
                                Long.class,
                                "SELECT count(*) FROM purge_receipts WHERE event_id = ?",
                                purged.eventId())
                        == 1L);
        assertEquals(List.of(), objects(UserArchives.userPrefix(w.id())));
        assertEquals(
                0L, TestSql.single(db, Long.class, "SELECT count(*) FROM user_archives WHERE user_id = ?", w.id()));
        assertEquals(404, download(url).statusCode(), "the link serves nothing after the purge");
    }

    private List<String> objects(String prefix) {
        return s3.listObjectsV2(r -> r.bucket(storage.name()).prefix(prefix)).contents().stream()
                .map(o -> o.key())
                .toList();
    }
}
