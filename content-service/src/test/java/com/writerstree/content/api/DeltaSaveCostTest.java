package com.writerstree.content.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.contracts.project.v1.ProjectEvents;
import com.writerstree.platform.testing.CpuTime;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What a one-word delta save costs against a 1,000-word and a 150,000-word manuscript (issue 12: the big one may cost
 * at most 1.5 x the small one), through the real HTTP endpoint on the real engines: {@code -Dcost.delta=N} makes N
 * one-word delta saves (patch: retain, delete a word, insert another) to each manuscript after a warm-up, and prints
 * per save this JVM's CPU time (the service, the relay, and the test's HTTP client sending prepared bodies) plus the
 * CPU time of the service's PostgreSQL backends, and the ratio large : small. Off unless asked for: a measurement, not
 * a check (the machine is shared; the numbers and the command are in the README, "Performance").
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
@EnabledIfSystemProperty(named = "cost.delta", matches = "\\d+")
class DeltaSaveCostTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A project with a saved manuscript and the prepared bodies of its next one-word delta saves. */
    private record Manuscript(int words, UUID project, String token, List<String> bodies, String finalText) {}

    /** CPU spent by a run of saves, in nanoseconds. */
    private record Cost(int saves, long wallNanos, long jvmNanos, long dbNanos) {
        double jvmMs() {
            return jvmNanos / 1e6 / saves;
        }

        double dbMs() {
            return dbNanos / 1e6 / saves;
        }

        double totalMs() {
            return jvmMs() + dbMs();
        }
    }

    @Test
    void measuresCpuPerOneWordDeltaSave() throws Exception {
        int saves = Integer.getInteger("cost.delta");
        int warmUp = Math.max(50, saves / 4);
        Random random = new Random(12);
        Manuscript small = manuscript(random, 1_000, warmUp + saves);
        Manuscript large = manuscript(random, 150_000, warmUp + saves);

        // warm-up (JIT, connection pool, the first keyframes), alternating so neither side is favoured
        for (int i = 0; i < warmUp; i++) {
            send(small, i);
            send(large, i);
        }
        drainOutbox();
        Cost smallCost = measure(small, warmUp, saves);
        Cost largeCost = measure(large, warmUp, saves);

        for (Manuscript m : List.of(small, large)) {
            assertEquals(m.finalText(), currentText(m), "the manuscript reads back exactly as edited");
        }
        print(small, smallCost);
        print(large, largeCost);
        System.out.printf(
                "COST delta ratio 150000:1000 total=%.2f jvm=%.2f db=%.2f%n",
                largeCost.totalMs() / smallCost.totalMs(),
                largeCost.jvmMs() / smallCost.jvmMs(),
                largeCost.dbMs() / smallCost.dbMs());
    }

    private Cost measure(Manuscript m, int from, int saves) throws Exception {
        drainOutbox(); // the setup's and the previous run's events are out: the relay's work for them is not counted
        Map<Integer, Long> dbBefore = CpuTime.backendTicks(dataSource, "content-service");
        long cpuBefore = CpuTime.jvmNanos();
        long started = System.nanoTime();
        for (int i = from; i < from + saves; i++) {
            send(m, i);
        }
        drainOutbox(); // the relay's work for these saves belongs to them
        long wall = System.nanoTime() - started;
        long cpu = CpuTime.jvmNanos() - cpuBefore;
        long dbTicks = CpuTime.ticksBetween(dbBefore, CpuTime.backendTicks(dataSource, "content-service"));
        return new Cost(saves, wall, cpu, dbTicks * CpuTime.NANOS_PER_TICK);
    }

    private static void print(Manuscript m, Cost c) {
        System.out.printf(
                "COST delta words=%d saves=%d wall_ms_per_save=%.2f jvm_cpu_ms_per_save=%.2f"
                        + " db_cpu_ms_per_save=%.2f total_cpu_ms_per_save=%.2f%n",
                m.words(), c.saves(), c.wallNanos() / 1e6 / c.saves(), c.jvmMs(), c.dbMs(), c.totalMs());
    }

    /** Announces a project, saves a {@code words}-word manuscript as version 1 and prepares {@code edits} saves. */
    private Manuscript manuscript(Random random, int words, int edits) throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String token = TestTokens.forUser(user);
        LocalKafka.publish(ProjectEvents.ProjectCreated.of(user, project, "Cost", 10_000_000, "active"));
        String text = Novels.novel(random, words);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> put(token, project, JSON.writeValueAsString(Map.of("content", text))) == 200);
        StringBuilder current = new StringBuilder(text);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            int at = current.indexOf(" ", random.nextInt(current.length() - 100)) + 1; // a word's first character
            int end = current.indexOf(" ", at);
            String word = Novels.otherWord(random, current.substring(at, end));
            bodies.add(JSON.writeValueAsString(Map.of(
                    "patch",
                    List.of(
                            Map.of("op", "retain", "n", at),
                            Map.of("op", "delete", "n", end - at),
                            Map.of("op", "insert", "text", word)),
                    "version",
                    i + 1)));
            current.replace(at, end, word);
        }
        return new Manuscript(words, project, token, bodies, current.toString());
    }

    private void send(Manuscript m, int i) throws Exception {
        int status = put(m.token(), m.project(), m.bodies().get(i));
        if (status != 200) {
            throw new AssertionError("save " + (i + 2) + " of the " + m.words() + "-word manuscript: " + status);
        }
    }

    private int put(String token, UUID project, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl.toString()).resolve("projects/" + project + "/content"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String currentText(Manuscript m) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl.toString()).resolve("projects/" + m.project() + "/content"))
                .header("Authorization", "Bearer " + m.token())
                .GET()
                .build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path("data").path("content").path("text").asText();
    }

    private void drainOutbox() {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> TestSql.single(
                                dataSource, Long.class, "SELECT count(*) FROM outbox_events WHERE published_at IS NULL")
                        == 0L);
    }
}
