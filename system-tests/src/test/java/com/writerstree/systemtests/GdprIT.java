package com.writerstree.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.testing.SchemaScan;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 end to end through the gateway: a writer with two projects, content, versions, a milestone, an export,
 * stats, analytics and suggestion data exports everything (the ZIP is opened and checked per service), deletes the
 * account (login refused, old token 401, socket closed), and after the grace period (the stack's
 * {@code IDENTITY_DELETION_GRACE}, PT30S in it.env) no column of any table in any schema holds their id or address,
 * S3 holds no object of theirs and Redis no key naming them, while a second writer keeps everything. A cancellation
 * inside the grace period restores login and data.
 */
class GdprIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PART_SERVICES = List.of(
            "identity-service",
            "project-service",
            "content-service",
            "export-service",
            "stats-service",
            "suggestion-service");
    private static final Pattern CANCEL = Pattern.compile("cancel-deletion\\?token=([A-Za-z0-9_\\-]+)");

    record Writer(String email, String userId, String token, List<String> projects) {}

    @Test
    void theExportHoldsEveryPartAndThePurgeLeavesNothingOfTheWriterButTheBystanderKeepsEverything() throws Exception {
        Instant start = Instant.now();
        Writer writer = writerWithData("The Long Road", "Second Winter");
        Writer bystander = writerWithData("Someone Else's Book");

        // the export: 202, a job, then a ZIP with every service's part
        Response started = Gateway.api(writer.token()).get("/users/me/export");
        JsonPath job = Http.expectSuccess(started, 202);
        String jobId = job.getString("data.jobId");
        assertNotNull(jobId, Http.describe(started));
        String url = await("data export ready")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            JsonPath status = Http.expectSuccess(
                                    Gateway.api(writer.token()).get("/users/me/export/" + jobId), 200);
                            assertTrue(
                                    !"failed".equals(status.getString("data.status")),
                                    "export failed: " + status.getString("data.failure"));
                            return status.getString("data.downloadUrl");
                        },
                        u -> u != null);
        Map<String, byte[]> zip = unzip(download(url));
        checkArchive(zip, writer);
        assertTrue(
                Mailbox.messages(writer.email()).stream()
                                .anyMatch(m -> m.subject().contains("data export is ready"))
                        || await().atMost(Duration.ofSeconds(20))
                                .until(
                                        () -> Mailbox.messages(writer.email()).stream()
                                                .anyMatch(m -> m.subject().contains("data export is ready")),
                                        b -> b),
                "ready mail");

        // delete: the socket closes, the old token is refused, sign-in says why
        try (SyncIT.Device device = SyncIT.Device.on(Stack.gatewayUrl(), writer.token())) {
            Http.expectError(
                    Gateway.api(writer.token())
                            .body(Map.of("password", "WrongPass123!"))
                            .delete("/users/me"),
                    401,
                    "INVALID_CREDENTIALS");
            Response deleted = Gateway.api(writer.token())
                    .body(Map.of("password", TestUsers.PASSWORD))
                    .delete("/users/me");
            JsonPath answer = Http.expectSuccess(deleted, 200);
            assertEquals("Account deleted successfully.", answer.getString("message"));
            String deletionExport = answer.getString("dataExportUrl");
            assertNotNull(deletionExport, Http.describe(deleted));
            device.closed.get(15, TimeUnit.SECONDS);
            Http.expectStatus(Gateway.api(writer.token()).get("/users/me"), 401);
            Http.expectStatus(Gateway.api(writer.token()).get("/projects"), 401);
            Http.expectError(TestUsers.login(writer.email(), TestUsers.PASSWORD), 403, "ACCOUNT_DELETED");
            // the link of the deletion mail serves the ZIP as soon as its job is done
            byte[] again = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> tryDownload(deletionExport), b -> b != null);
            checkArchive(unzip(again), writer);
        }
        assertTrue(
                await().atMost(Duration.ofSeconds(20)).until(() -> cancelToken(writer.email()) != null, b -> b),
                "deletion mail with the cancel link");

        // the purge: every schema, S3 and Redis forget the writer
        await("purge of " + writer.userId())
                .atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertEquals(List.of(), columnsContaining(writer.userId()), "columns holding the id");
                    assertEquals(List.of(), columnsContaining(writer.email()), "columns holding the address");
                    assertEquals(List.of(), s3Objects(writer), "S3 objects of the writer");
                    assertEquals(List.of(), redisKeys(writer.userId()), "Redis keys naming the writer");
                });
        Http.expectError(TestUsers.login(writer.email(), TestUsers.PASSWORD), 401, "INVALID_CREDENTIALS");

        // the bystander keeps everything
        Http.expectSuccess(Gateway.api(bystander.token()).get("/users/me"), 200);
        for (String project : bystander.projects()) {
            assertTrue(
                    Gateway.storedContent(bystander.token(), project).text().contains("bystander-check"),
                    "bystander's text");
        }
        assertTrue(!columnsContaining(bystander.userId()).isEmpty(), "the bystander's rows are there");

        // the operator sees every purge since the start confirmed by every service
        JsonPath purges = Http.expectSuccess(
                io.restassured.RestAssured.given()
                        .baseUri(Stack.serviceUrl("identity"))
                        .header("X-Service-Token", System.getProperty("wt.service-token", "local-it-service-token"))
                        .get("/internal/purges?limit=50"),
                200);
        List<Map<String, Object>> recent = purges.getList("data");
        List<Map<String, Object>> ours = recent.stream()
                .filter(p -> Instant.parse(String.valueOf(p.get("purgedAt"))).isAfter(start))
                .toList();
        assertTrue(!ours.isEmpty(), "a purge after the start: " + recent);
        assertTrue(ours.stream().allMatch(p -> Boolean.TRUE.equals(p.get("complete"))), "confirmed: " + ours);
    }

    @Test
    void aCancellationInsideTheGracePeriodRestoresLoginAndData() throws Exception {
        Writer writer = writerWithData("Second Thoughts");
        Http.expectSuccess(
                Gateway.api(writer.token())
                        .body(Map.of("password", TestUsers.PASSWORD))
                        .delete("/users/me"),
                200);
        Http.expectError(TestUsers.login(writer.email(), TestUsers.PASSWORD), 403, "ACCOUNT_DELETED");
        String cancel = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> cancelToken(writer.email()), t -> t != null);
        Http.expectSuccess(
                Gateway.apiFrom(TestUsers.clientIp(writer.email()))
                        .body(Map.of("token", cancel))
                        .post("/auth/cancel-deletion"),
                200);
        String token = Http.expectSuccess(TestUsers.login(writer.email(), TestUsers.PASSWORD), 200)
                .getString("data.token");
        // still there well after the grace period of the deletion that was cancelled
        await().during(Duration.ofSeconds(40))
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> Gateway.api(token).get("/users/me").statusCode() == 200);
        for (String project : writer.projects()) {
            Gateway.StoredContent content = Gateway.storedContent(token, project);
            assertTrue(content.text().contains("bystander-check"), "text restored");
        }
        Http.expectSuccess(
                Gateway.api(token).get("/projects/" + writer.projects().get(0) + "/versions"), 200);
        assertTrue(!columnsContaining(writer.userId()).isEmpty());
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /** A verified writer with projects (text past the 25 % milestone, a snapshot), an export, analytics, suggestions. */
    private static Writer writerWithData(String... titles) {
        TestUsers.TestUser user = TestUsers.register();
        String verification = Mailbox.awaitVerificationToken(user.email(), Duration.ofSeconds(20));
        Http.expectSuccess(
                Gateway.apiFrom(TestUsers.clientIp(user.email()))
                        .body(Map.of("token", verification))
                        .post("/auth/verify-email"),
                200);
        String token = Http.expectSuccess(TestUsers.login(user.email(), TestUsers.PASSWORD), 200)
                .getString("data.token");
        List<String> projects = new ArrayList<>();
        for (String title : titles) {
            String project = Gateway.createProject(token, title, 1000);
            Gateway.saveContent(token, project, "bystander-check " + Texts.words(300), 0);
            Http.expectSuccess(
                    Gateway.api(token).body(Map.of("label", "draft one")).post("/projects/" + project + "/versions"),
                    201);
            projects.add(project);
        }
        Http.expectSuccess(
                Gateway.api(token).body(Map.of("format", "txt")).post("/projects/" + projects.get(0) + "/export"), 200);
        Http.expectSuccess(
                Gateway.api(token)
                        .body(Map.of("eventType", "project_created", "eventData", Map.of("source", "gdpr-it")))
                        .post("/analytics/event"),
                201);
        Http.expectSuccess(
                Gateway.api(token)
                        .body(Map.of("context", "the quick brown ", "projectId", projects.get(0)))
                        .post("/suggestions"),
                200);
        // stats and the suggestion model learn from the events: wait until both hold the writer
        await("stats and suggestions of " + user.userId())
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> columnsContaining(user.userId()).stream().anyMatch(c -> c.startsWith("stats."))
                        && columnsContaining(user.userId()).stream().anyMatch(c -> c.startsWith("suggestion.")));
        return new Writer(user.email(), user.userId(), token, projects);
    }

    private static void checkArchive(Map<String, byte[]> zip, Writer writer) throws IOException {
        JsonNode index = JSON.readTree(zip.get("index.json"));
        assertNotNull(index, "index.json in " + zip.keySet());
        assertEquals(writer.userId(), index.path("userId").asText());
        for (String service : PART_SERVICES) {
            JsonNode entry = index.path("services").path(service);
            assertEquals("included", entry.path("status").asText(), service + " in " + index);
            assertTrue(zip.containsKey(service + "/data.json"), service + "/data.json");
            for (JsonNode file : entry.path("files")) {
                assertTrue(zip.containsKey(file.path("path").asText()), "listed file " + file);
            }
        }
        String identity = new String(zip.get("identity-service/data.json"), StandardCharsets.UTF_8);
        assertTrue(identity.contains(writer.email()), "identity: the profile");
        assertTrue(!identity.contains("$2a$"), "identity: no password hash");
        String project = new String(zip.get("project-service/data.json"), StandardCharsets.UTF_8);
        for (String id : writer.projects()) {
            assertTrue(project.contains(id), "project-service: project " + id);
        }
        List<String> manuscripts = new ArrayList<>();
        index.path("services")
                .path("content-service")
                .path("files")
                .forEach(f -> manuscripts.add(f.path("path").asText()));
        assertEquals(
                writer.projects().size(),
                manuscripts.stream().filter(p -> p.endsWith(".md")).count(),
                "md files");
        for (String path : manuscripts) {
            assertTrue(new String(zip.get(path), StandardCharsets.UTF_8).contains("bystander-check"), path);
        }
        String content = new String(zip.get("content-service/data.json"), StandardCharsets.UTF_8);
        assertTrue(content.contains("draft one"), "content-service: the snapshot");
        assertTrue(content.contains("25"), "content-service: the milestone");
        String export = new String(zip.get("export-service/data.json"), StandardCharsets.UTF_8);
        assertTrue(export.contains(writer.projects().get(0)), "export-service: the export record");
        String stats = new String(zip.get("stats-service/data.json"), StandardCharsets.UTF_8);
        assertTrue(stats.contains("project_created"), "stats-service: the analytics event");
        JsonNode suggestion = JSON.readTree(zip.get("suggestion-service/data.json"));
        assertTrue(suggestion.size() > 0, "suggestion-service: a summary");
    }

    // ------------------------------------------------------------------------------------------------ engines

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> r =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), "download " + url);
        return r.body();
    }

    private static byte[] tryDownload(String url) throws Exception {
        HttpResponse<byte[]> r =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? r.body() : null;
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String cancelToken(String email) {
        return Mailbox.messages(email).stream()
                .map(m -> CANCEL.matcher(m.text().replace("&amp;", "&")))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElse(null);
    }

    /** {@code schema.table.column} of every column, in every schema of the stack's database, holding {@code text}. */
    static List<String> columnsContaining(String text) throws SQLException {
        List<String> hits = new ArrayList<>();
        DataSource db = new DriverManagerSource();
        List<String> schemas = new ArrayList<>();
        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name NOT IN"
                                + " ('pg_catalog', 'information_schema') AND schema_name NOT LIKE 'pg_%'")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        for (String schema : schemas) {
            SchemaScan.columnsContaining(db, schema, text).forEach(hit -> hits.add(schema + "." + hit));
        }
        return hits;
    }

    /**
     * Every object of the stack's bucket whose key names the writer or one of their projects, read from s3proxy's
     * filesystem store ({@code -Dwt.s3.data}, default {@code <repo>/.run/engines/s3/data}).
     */
    private static List<String> s3Objects(Writer writer) throws IOException {
        // the stack's own s3proxy (S3_PORT in its env file) keeps its files under .run/engines/<stack>-s3/data
        String store = Faults.s3Port() > 0 ? ".run/engines/" + Faults.stackName() + "-s3/data" : ".run/engines/s3/data";
        Path data = Path.of(
                System.getProperty("wt.s3.data", Stack.repoRoot().resolve(store).toString()));
        Path bucket = data.resolve(System.getProperty("wt.s3.bucket", "writerstree-exports-it"));
        assertTrue(Files.isDirectory(bucket), "s3proxy bucket directory " + bucket);
        try (Stream<Path> files = Files.walk(bucket)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> bucket.relativize(p).toString())
                    .filter(key -> key.contains(writer.userId())
                            || writer.projects().stream().anyMatch(key::contains))
                    .toList();
        }
    }

    /** Redis keys containing {@code text} (KEYS over RESP; the test database is small). */
    private static List<String> redisKeys(String text) throws IOException {
        String[] hostPort = System.getProperty(
                        "wt.redis", Faults.redisPort() > 0 ? "127.0.0.1:" + Faults.redisPort() : "127.0.0.1:6379")
                .split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            String pattern = "*" + text + "*";
            out.write(("*2\r\n$4\r\nKEYS\r\n$" + pattern.length() + "\r\n" + pattern + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String header = line(in);
            assertTrue(header.startsWith("*"), "RESP array: " + header);
            int n = Integer.parseInt(header.substring(1));
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int length = Integer.parseInt(line(in).substring(1));
                keys.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                line(in);
            }
            return keys;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            b.append((char) c);
        }
        in.read();
        return b.toString();
    }

    /** The stack's database as a DataSource for platform-testing's SchemaScan. */
    private static final class DriverManagerSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(Stack.dbUrl(), Stack.dbUser(), Stack.dbPassword());
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return DriverManager.getConnection(Stack.dbUrl(), user, password);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
