import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * stats-service benchmark (not a test). Loopback only, bounded in count and time. Events are published the way
 * the producers' outbox relays publish them (same JSON), to the stack's prefixed topics.
 *
 *   seed   USER_ID PREFIX                 3 years of daily history over 20 projects for USER_ID, then waits
 *                                         until stats-service applied it (through the gateway: TOKEN env var)
 *   read   URL TOKEN N CONC               N x GET URL (/users/me/stats?period=all through the gateway, or on
 *                                         stats-service directly), CONC in parallel: p50/p95/p99
 *   ingest PREFIX RATE SECONDS            RATE ContentSaved/s for SECONDS (writers of their own), sampling the
 *                                         stats-service consumer lag on PREFIXcontent-events every second
 */
public class StatsBench {

    static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(UUID.fromString(args[1]), args[2], args[3], args[4]);
            case "read" -> read(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "ingest" -> ingest(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---- seed -----------------------------------------------------------------------------------------------

    static void seed(UUID user, String prefix, String gateway, String token) throws Exception {
        guardLoopback(gateway);
        ZoneId zone = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusYears(3);
        Random random = new Random(42);
        List<UUID> projects = new ArrayList<>();
        long expectedWords = 0;
        long events = 0;
        try (KafkaProducer<String, String> producer = producer()) {
            Instant start = first.minusDays(1).atStartOfDay(zone).toInstant();
            send(producer, prefix + "user-events", user.toString(), preferences(user, start, "Europe/Berlin", 0));
            for (int p = 0; p < 20; p++) {
                UUID project = UUID.randomUUID();
                projects.add(project);
                send(producer, prefix + "project-events", project.toString(),
                        event("ProjectCreated", user, start, Map.of(
                                "projectId", project, "title", "Bench novel " + p, "wordGoal", 80000,
                                "status", "active")));
                events++;
            }
            int[] versions = new int[20];
            int[] counts = new int[20];
            for (LocalDate d = first; !d.isAfter(today.minusDays(1)); d = d.plusDays(1)) {
                if (random.nextInt(10) == 0) {
                    continue; // a day off now and then
                }
                int active = (int) ((d.toEpochDay() / 55) % 20); // a project at a time, switching every ~2 months
                int sessions = 2 + random.nextInt(3);
                for (int s = 0; s < sessions; s++) {
                    int p = s == 0 ? active : random.nextInt(20);
                    int delta = random.nextInt(10) == 0 ? -random.nextInt(200) : 100 + random.nextInt(600);
                    counts[p] = Math.max(counts[p] + delta, 0);
                    expectedWords += Math.max(delta, 0);
                    Instant at = d.atTime(8 + s * 4, random.nextInt(60)).atZone(zone).toInstant();
                    send(producer, prefix + "content-events", projects.get(p).toString(),
                            event("ContentSaved", user, at, Map.of(
                                    "projectId", projects.get(p), "version", ++versions[p], "wordCount", counts[p],
                                    "wordDelta", delta, "savedAt", at)));
                    events++;
                }
            }
            producer.flush();
        }
        System.out.printf("seeded %d events, %d words added, 20 projects, %s..%s%n",
                events, expectedWords, first, today.minusDays(1));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            String body;
            try {
                body = get(gateway + "/api/v1/users/me/stats?period=all", token).body();
            } catch (java.net.http.HttpTimeoutException e) {
                continue; // a busy machine: ask again (the read phase measures latency, this only waits)
            }
            if (body.contains("\"totalWordsWritten\":" + expectedWords + ",")) {
                System.out.println("applied: stats-service reports " + expectedWords + " words");
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("stats-service did not apply the seed within 10 minutes");
    }

    // ---- read -----------------------------------------------------------------------------------------------

    static void read(String url, String token, int n, int concurrency) throws Exception {
        guardLoopback(url);
        for (int i = 0; i < 200; i++) {
            check(get(url, token)); // warm-up (JIT, pools)
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong bytes = new AtomicLong();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int share = n / concurrency;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = get(url, token);
                    latencies.add(System.nanoTime() - s);
                    check(r);
                    bytes.addAndGet(r.body().length());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Long> sorted = latencies.stream().sorted().toList();
        System.out.printf(
                "GET %s: n=%d conc=%d  %.0f req/s  p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms  body=%d bytes%n",
                url,
                sorted.size(), concurrency, sorted.size() / seconds, pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, bytes.get() / sorted.size());
    }

    // ---- ingest ---------------------------------------------------------------------------------------------

    static void ingest(String prefix, int rate, int seconds) throws Exception {
        if (rate > 2000 || seconds > 300) {
            throw new IllegalArgumentException("bounded: rate <= 2000/s, seconds <= 300");
        }
        String topic = prefix + "content-events";
        List<UUID> users = new ArrayList<>();
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // 200 writers, one project each, a save every 0.4 s at 500/s
            users.add(UUID.randomUUID());
            projects.add(UUID.randomUUID());
        }
        int[] versions = new int[200];
        Random random = new Random(7);
        try (KafkaProducer<String, String> producer = producer(); Admin admin = admin()) {
            System.out.printf("lag before: %d%n", lag(admin, topic));
            long start = System.nanoTime();
            long sent = 0;
            List<Long> lags = new ArrayList<>();
            for (int second = 0; second < seconds; second++) {
                long secondStart = start + TimeUnit.SECONDS.toNanos(second);
                for (int i = 0; i < rate; i++) {
                    long due = secondStart + TimeUnit.SECONDS.toNanos(1) * i / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    int w = (int) (sent % 200);
                    Instant now = Instant.now();
                    producer.send(new ProducerRecord<>(topic, projects.get(w).toString(),
                            event("ContentSaved", users.get(w), now, Map.of(
                                    "projectId", projects.get(w), "version", ++versions[w],
                                    "wordCount", versions[w] * 20, "wordDelta", 1 + random.nextInt(40),
                                    "savedAt", now))));
                    sent++;
                }
                long lag = lag(admin, topic);
                lags.add(lag);
                System.out.printf("t=%3ds sent=%d lag=%d%n", second + 1, sent, lag);
            }
            producer.flush();
            double elapsed = (System.nanoTime() - start) / 1e9;
            long drainStart = System.nanoTime();
            long lag;
            while ((lag = lag(admin, topic)) > 0 && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(200);
            }
            int half = lags.size() / 2;
            double firstHalf = lags.subList(0, half).stream().mapToLong(Long::longValue).average().orElse(0);
            double secondHalf =
                    lags.subList(half, lags.size()).stream().mapToLong(Long::longValue).average().orElse(0);
            System.out.printf(
                    "ingest: %d ContentSaved in %.1f s (%.0f/s); lag avg first half %.0f, second half %.0f, max %d; "
                            + "drained to %d in %.1f s after the last send%n",
                    sent, elapsed, sent / elapsed, firstHalf, secondHalf,
                    lags.stream().mapToLong(Long::longValue).max().orElse(0), lag,
                    (System.nanoTime() - drainStart) / 1e9);
        }
    }

    /** Messages on the topic not yet committed by the stats-service consumer group. */
    static long lag(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets("stats-service").partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata c = committed.get(p);
            lag += ends.get(p).offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    static String preferences(UUID user, Instant at, String zone, int goal) {
        return "{\"type\":\"UserPreferencesChanged\",\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + at
                + "\",\"userId\":\"" + user + "\",\"timezone\":\"" + zone + "\",\"preferences\":{\"timezone\":\"" + zone
                + "\",\"dailyWordGoal\":" + goal + "}}";
    }

    static String event(String type, UUID user, Instant at, Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{\"type\":\"").append(type).append("\",\"eventId\":\"")
                .append(UUID.randomUUID()).append("\",\"occurredAt\":\"").append(at).append("\",\"userId\":\"")
                .append(user).append('"');
        fields.forEach((k, v) -> {
            json.append(",\"").append(k).append("\":");
            json.append(v instanceof Number ? v.toString() : "\"" + v + "\"");
        });
        return json.append('}').toString();
    }

    static void send(KafkaProducer<String, String> producer, String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        return Admin.create(p);
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(i, 0)) / 1e6;
    }

    static void guardLoopback(String url) {
        if (!(url.startsWith("http://127.0.0.1:") || url.startsWith("http://localhost:"))) {
            throw new IllegalArgumentException("refusing non-loopback URL " + url);
        }
    }
}
