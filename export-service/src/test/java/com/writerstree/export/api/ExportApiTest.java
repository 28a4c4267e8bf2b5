package com.writerstree.export.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.export.domain.ExportRemoval;
import com.writerstree.export.domain.render.Readers;
import com.writerstree.export.domain.render.Zip;
import com.writerstree.export.persistence.ExportStorage;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The export API against the real s3proxy, PostgreSQL and Kafka; project, content and identity answer from
 * {@link UpstreamStub}. Every file is downloaded through its presigned URL and read by an independent reader.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStub.class)
class ExportApiTest {

    static final String TEXT = """
            # Chapter One

            It was a **bold** start and an *italic* middle — “quoted”, naïve, Привет.

            ***

            ## Later

            The end.
            """;

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    AgroalDataSource db;

    @Inject
    ExportRemoval removal;

    @Inject
    S3Client s3;

    @Inject
    ExportStorage storage;

    record Setup(UUID user, UUID project, String token) {}

    static Setup project(String title, String text, int words) {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UpstreamStub.user(user, "Mary Ann Shelley", "mary@example.com");
        UpstreamStub.project(
                new UpstreamStub.Project(project, user, title, 50_000, 42.5, "seed-" + project, "cherry", "spring"),
                text,
                words,
                List.of("25%"));
        return new Setup(user, project, TestTokens.forUser(user));
    }

    static ExtractableResponse<Response> export(Setup s, Map<String, Object> body) {
        return exportAs(s.token(), body, s.project()).extract();
    }

    static HttpResponse<byte[]> download(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyFormatDownloadsThroughItsPresignedLinkAndReadsBack() throws Exception {
        Setup s = project("Frankenstein: or, the Modern Prometheus", TEXT, 22);

        var txt = export(s, Map.of("format", "txt"));
        assertEquals(200, txt.statusCode(), txt.asString());
        HttpResponse<byte[]> file = download(txt.path("data.downloadUrl"));
        assertEquals(200, file.statusCode());
        assertArrayEquals(TEXT.getBytes(StandardCharsets.UTF_8), file.body(), "TXT byte for byte");
        assertEquals((Integer) file.body().length, txt.path("data.fileSize"));
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(
                file.headers()
                        .firstValue("Content-Disposition")
                        .orElse("")
                        .contains("filename=\"Frankenstein-or-the-Modern-Prometheus.txt\""),
                file.headers().map().toString());
        Instant expires = Instant.parse(txt.path("data.expiresAt"));
        assertTrue(Duration.between(Instant.now(), expires).toHours() >= 23, "link valid 24 h");

        var docx = export(s, Map.of("format", "docx", "includeMetadata", true));
        assertEquals(200, docx.statusCode(), docx.asString());
        HttpResponse<byte[]> docxFile = download(docx.path("data.downloadUrl"));
        assertEquals(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docxFile.headers().firstValue("Content-Type").orElse(""));
        try (XWPFDocument doc = Readers.docx(docxFile.body())) {
            assertEquals("Title", doc.getParagraphs().get(0).getStyle());
            XWPFParagraph chapter = doc.getParagraphs().stream()
                    .filter(p -> "Heading1".equals(p.getStyle()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("Chapter One", chapter.getText());
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals("by Mary Ann Shelley")));
            assertTrue(doc.getParagraphs().stream()
                    .flatMap(p -> p.getRuns().stream())
                    .anyMatch(r -> r.isBold() && "bold".equals(r.text())));
            assertTrue(doc.getParagraphs().stream()
                    .flatMap(p -> p.getRuns().stream())
                    .anyMatch(r -> r.isItalic() && "italic".equals(r.text())));
            assertEquals(
                    "Mary Ann Shelley", doc.getProperties().getCoreProperties().getCreator());
        }

        var pdf = export(s, Map.of("format", "pdf"));
        assertEquals(200, pdf.statusCode(), pdf.asString());
        byte[] pdfBytes = download(pdf.path("data.downloadUrl")).body();
        try (PDDocument doc = Readers.pdf(pdfBytes)) {
            assertEquals(
                    PDRectangle.A4.getHeight(), doc.getPage(0).getMediaBox().getHeight(), 0.01);
            var font = doc.getPage(0)
                    .getResources()
                    .getFont(doc.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertTrue(font.isEmbedded() && font.getName().contains("LiberationSerif"), font.getName());
        }
        assertEquals(
                Readers.manuscriptWords("Frankenstein: or, the Modern Prometheus", TEXT), Readers.pdfWords(pdfBytes));

        var epub = export(s, Map.of("format", "epub", "includeMetadata", true));
        assertEquals(200, epub.statusCode(), epub.asString());
        byte[] epubBytes = download(epub.path("data.downloadUrl")).body();
        assertEquals("", Readers.epubErrors(epubBytes));
        assertTrue(Zip.entry(epubBytes, "OEBPS/nav.xhtml").contains("Chapter One"));

        // the record and the event (through the outbox, relayed to Kafka)
        String exportId = epub.path("data.exportId");
        assertEquals(
                "completed",
                TestSql.single(
                        db, String.class, "SELECT status FROM export_jobs WHERE id = ?", UUID.fromString(exportId)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.single(
                                db,
                                Long.class,
                                "SELECT count(*) FROM outbox_events WHERE event_type = 'ContentExported' AND topic = ?"
                                        + " AND payload LIKE ? AND published_at IS NOT NULL",
                                LocalKafka.TEST_PREFIX + "export-events",
                                "%" + exportId + "%")
                        == 1L);
        String payload = TestSql.single(
                db, String.class, "SELECT payload FROM outbox_events WHERE payload LIKE ?", "%" + exportId + "%");
        assertTrue(payload.contains("\"format\":\"epub\"") && payload.contains("\"wordCount\":22"), payload);
    }

    @Test
    void manuscriptStyleCarriesTheShunnTitlePageAndHeader() throws Exception {
        Setup s = project("The Last Man", TEXT, 22);
        var docx = export(s, Map.of("format", "docx", "style", "manuscript"));
        assertEquals(200, docx.statusCode(), docx.asString());
        try (XWPFDocument doc =
                Readers.docx(download(docx.path("data.downloadUrl")).body())) {
            assertTrue(doc.getParagraphs().get(0).getText().startsWith("Mary Ann Shelley\tabout 100 words"));
            assertEquals("mary@example.com", doc.getParagraphs().get(1).getText());
            assertTrue(doc.getHeaderList().get(0).getText().startsWith("Shelley / The Last Man / "));
        }
        var pdf = export(s, Map.of("format", "pdf", "style", "manuscript"));
        assertEquals(200, pdf.statusCode(), pdf.asString());
        try (PDDocument doc = Readers.pdf(download(pdf.path("data.downloadUrl")).body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Shelley / The Last Man / 1") && text.contains("END"), text);
        }
    }

    @Test
    void badInputIsRefusedWithTheEnvelope() {
        Setup s = project("Mine", TEXT, 22);
        Setup other = project("Theirs", TEXT, 22);
        exportAs(s.token(), Map.of("format", "rtf"), s.project())
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("format"));
        exportAs(s.token(), Map.of("format", "pdf", "style", "fancy"), s.project())
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("style"));
        exportAs(s.token(), Map.of(), s.project()).statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        exportAs(s.token(), Map.of("format", "pdf"), other.project())
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        exportAs(s.token(), Map.of("format", "pdf"), UUID.randomUUID())
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "pdf"))
                .post("/projects/{id}/export", s.project())
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(s.token())
                .contentType(ContentType.JSON)
                .body(Map.of("format", "png", "width", 5000, "height", 100))
                .post("/projects/{id}/export-tree", s.project())
                .then()
                .statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("width"));
        given().auth()
                .oauth2(s.token())
                .contentType(ContentType.JSON)
                .body(Map.of("format", "gif"))
                .post("/projects/{id}/export-tree", s.project())
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("format"));
        assertEquals(
                0L, TestSql.single(db, Long.class, "SELECT count(*) FROM export_jobs WHERE user_id = ?", s.user()));
    }

    @Test
    void anEmptyProjectGivesValidEmptyFiles() throws Exception {
        Setup s = project("Nothing Yet", "", 0);
        var txt = export(s, Map.of("format", "txt"));
        assertEquals(0, download(txt.path("data.downloadUrl")).body().length);
        var epub = export(s, Map.of("format", "epub"));
        assertEquals(
                "", Readers.epubErrors(download(epub.path("data.downloadUrl")).body()));
        var pdf = export(s, Map.of("format", "pdf", "style", "manuscript"));
        try (PDDocument doc = Readers.pdf(download(pdf.path("data.downloadUrl")).body())) {
            assertTrue(doc.getNumberOfPages() >= 2);
        }
    }

    @Test
    void theTreeIsDrawnAtTheRequestedSizeAndListed() throws Exception {
        Setup s = project("Arbor", TEXT, 22);
        var png = given().auth()
                .oauth2(s.token())
                .contentType(ContentType.JSON)
                .body(Map.of("format", "png", "width", 640, "height", 360, "transparent", true))
                .post("/projects/{id}/export-tree", s.project())
                .then()
                .extract();
        assertEquals(200, png.statusCode(), png.asString());
        HttpResponse<byte[]> file = download(png.path("data.downloadUrl"));
        assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.body()));
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());

        var svg = given().auth()
                .oauth2(s.token())
                .contentType(ContentType.JSON)
                .body(Map.of("format", "svg", "width", 300, "height", 300))
                .post("/projects/{id}/export-tree", s.project())
                .then()
                .extract();
        byte[] svgBytes = download(svg.path("data.downloadUrl")).body();
        var root = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svgBytes))
                .getDocumentElement();
        assertEquals("svg", root.getTagName());
        // the same inputs give the same bytes
        var again = given().auth()
                .oauth2(s.token())
                .contentType(ContentType.JSON)
                .body(Map.of("format", "svg", "width", 300, "height", 300))
                .post("/projects/{id}/export-tree", s.project())
                .then()
                .extract();
        assertArrayEquals(svgBytes, download(again.path("data.downloadUrl")).body());

        String treeId = png.path("data.exportId");
        given().auth()
                .oauth2(s.token())
                .get("/exports")
                .then()
                .statusCode(200)
                .body("data.exports.id", hasItem(treeId))
                .body("data.exports[0].downloadUrl", org.hamcrest.Matchers.startsWith("http"));
        given().auth()
                .oauth2(s.token())
                .get("/exports/{id}", treeId)
                .then()
                .statusCode(200)
                .body("data.export.kind", equalTo("tree"))
                .body("data.export.status", equalTo("completed"))
                .body("data.export.width", equalTo(640));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.single(
                                db,
                                Long.class,
                                "SELECT count(*) FROM outbox_events WHERE event_type = 'TreeExported' AND payload LIKE ?"
                                        + " AND payload LIKE '%\"width\":640%' AND published_at IS NOT NULL",
                                "%" + treeId + "%")
                        == 1L);
        Setup stranger = project("Elsewhere", TEXT, 22);
        given().auth()
                .oauth2(stranger.token())
                .get("/exports/{id}", treeId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(stranger.token())
                .get("/exports")
                .then()
                .statusCode(200)
                .body("data.exports.id", not(hasItem(treeId)));
    }

    @Test
    void aLongManuscriptRunsAsAJob() throws Exception {
        StringBuilder text = new StringBuilder("# Part One\n\n");
        for (int i = 0; i < 400; i++) {
            text.append("Sentence number ").append(i).append(" of a long and winding manuscript.\n\n");
        }
        Setup s = project("Middlemarch", text.toString(), 4000); // the test profile runs jobs above 3,000 words
        var accepted = export(s, Map.of("format", "docx"));
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String id = accepted.path("data.exportId");
        assertEquals("/exports/" + id, accepted.path("data.statusUrl"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "completed"
                        .equals(given().auth()
                                .oauth2(s.token())
                                .get("/exports/{id}", id)
                                .then()
                                .extract()
                                .path("data.export.status")));
        String url = given().auth()
                .oauth2(s.token())
                .get("/exports/{id}", id)
                .then()
                .extract()
                .path("data.export.downloadUrl");
        try (XWPFDocument doc = Readers.docx(download(url).body())) {
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().startsWith("Sentence number 399 ")));
        }
    }

    @Test
    void filesLeaveAfterTheirTimeAndWithTheirUser() throws Exception {
        Setup s = project("Ephemera", TEXT, 22);
        String id = export(s, Map.of("format", "txt")).path("data.exportId");
        String key = TestSql.single(
                db, String.class, "SELECT object_key FROM export_jobs WHERE id = ?", UUID.fromString(id));
        assertEquals(1, objects(key));

        removal.expire(Instant.now().plus(Duration.ofHours(23)));
        assertEquals(1, objects(key), "still there within 24 h");
        removal.expire(Instant.now().plus(Duration.ofHours(25)));
        assertEquals(0, objects(key));
        assertEquals(
                "expired",
                TestSql.single(db, String.class, "SELECT status FROM export_jobs WHERE id = ?", UUID.fromString(id)));
        given().auth().oauth2(s.token()).get("/exports").then().body("data.exports.id", not(hasItem(id)));

        Setup purged = project("Gone", TEXT, 22);
        String gone = export(purged, Map.of("format", "txt")).path("data.exportId");
        String goneKey = TestSql.single(
                db, String.class, "SELECT object_key FROM export_jobs WHERE id = ?", UUID.fromString(gone));
        LocalKafka.publish(UserPurged.of(purged.user()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> objects(goneKey) == 0
                        && TestSql.single(
                                        db,
                                        Long.class,
                                        "SELECT count(*) FROM export_jobs WHERE user_id = ?",
                                        purged.user())
                                == 0L);
    }

    private int objects(String key) {
        return s3.listObjectsV2(r -> r.bucket(storage.name()).prefix(key))
                .contents()
                .size();
    }

    /** POST /projects/{id}/export as the holder of {@code token}, with {@code body}. */
    static io.restassured.response.ValidatableResponse exportAs(String token, Object body, Object projectId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/projects/{id}/export", projectId)
                .then();
    }
}
