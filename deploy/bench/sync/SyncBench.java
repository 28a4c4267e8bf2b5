// Device-to-device sync latency benchmark (not a test). Java 17 single-file program, JDK only:
//   java deploy/bench/sync/SyncBench.java [gatewayUrl] [gateway2Url] [users] [seconds] [saveIntervalMs]
// With SYNC_USERS_FILE set, the users (token, project) of an earlier run against the same stack are reused from that
// file (registering 500 users costs minutes of password hashing); users it lacks, or whose token the stack refuses,
// are registered and the file rewritten. A reused user's version is read back before the saves start; its text
// starts again from 5 words.
// N users x 2 devices: device A on the first gateway saves (sync:content) every interval, device B (on the second
// gateway, if given) waits for the matching sync:update. Reports p50/p95/p99/max of send->update latency and of
// send->ack. With PHASE_HOOK set, runs "$PHASE_HOOK ready" before the saves and "$PHASE_HOOK done" after them
// (deploy/bench/sync/run.sh takes CPU snapshots there). Loopback only; the gateway must trust 127.0.0.1 as a proxy (GATEWAY_TRUSTED_PROXIES) so that each
// benchmark user registers from its own X-Forwarded-For address.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SyncBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern FIELD = Pattern.compile("\"(token|id|event|version|projectId)\":\"?([^\",}]*)\"?");
    // synchronized lists, not copy-on-write ones: a copy of the whole list per sample made the load generator's own
    // collections (60-85 ms G1 pauses, counted in every save in flight) part of what it measured
    static final List<Long> updateLatencies = Collections.synchronizedList(new ArrayList<>());
    static final List<Long> ackLatencies = Collections.synchronizedList(new ArrayList<>());
    /** Arrival of sync:update on B minus arrival of sync:ack on A for the same version (0 when B's came first). */
    static final List<Long> hopLatencies = Collections.synchronizedList(new ArrayList<>());
    /** Per second since the first save (when the save was sent): {updates, updates over 50 ms, longest ns}. */
    static final Map<Long, long[]> bySecond = new ConcurrentHashMap<>();
    static volatile long startNanos;
    static volatile long startEpochMs;
    static final AtomicInteger conflicts = new AtomicInteger();
    static final AtomicInteger errors = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String g1 = args.length > 0 ? args[0] : "http://127.0.0.1:3000";
        String g2 = args.length > 1 ? args[1] : g1;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int intervalMs = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        if (!g1.contains("127.0.0.1") && !g1.contains("localhost")) {
            throw new IllegalArgumentException("loopback gateways only");
        }
        System.out.printf("gateways %s / %s, %d users x 2 devices, a save every %d ms for %d s%n", g1, g2, users,
                intervalMs, seconds);
        String usersFile = System.getenv("SYNC_USERS_FILE");
        List<String> known = new ArrayList<>();
        if (usersFile != null && !usersFile.isBlank() && Files.exists(Path.of(usersFile))) {
            known.addAll(Files.readAllLines(Path.of(usersFile)));
        }
        ExecutorService setup = Executors.newFixedThreadPool(4);
        List<User> all = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger reused = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(users);
        for (int i = 0; i < users; i++) {
            int n = i;
            String line = n < known.size() ? known.get(n) : null;
            setup.submit(() -> {
                try {
                    User u = null;
                    if (line != null) {
                        try {
                            u = User.reuse(g1, g2, n, line);
                            reused.incrementAndGet();
                        } catch (Exception e) {
                            u = null; // e.g. another stack's database: register instead
                        }
                    }
                    all.add(u != null ? u : User.create(g1, g2, n));
                } catch (Exception e) {
                    System.err.println("setup of user " + n + " failed: " + e);
                } finally {
                    ready.countDown();
                }
            });
        }
        ready.await(5, TimeUnit.MINUTES);
        setup.shutdown();
        System.out.printf("%d users ready (%d reused)%n", all.size(), reused.get());
        if (usersFile != null && !usersFile.isBlank() && reused.get() < all.size()) {
            List<String> lines = new ArrayList<>();
            List<User> sorted = new ArrayList<>(all);
            sorted.sort((x, y) -> Integer.compare(x.n, y.n));
            for (User u : sorted) {
                lines.add(u.token + "\t" + u.projectId);
            }
            Files.write(Path.of(usersFile), lines);
        }
        hook("ready");
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        long start = System.nanoTime();
        startNanos = start;
        startEpochMs = System.currentTimeMillis();
        long[] gcBefore = collections();
        int rounds = seconds * 1000 / intervalMs;
        for (User u : all) {
            long offset = (long) (Math.random() * intervalMs); // spread the users over the interval
            clock.scheduleAtFixedRate(u::save, offset, intervalMs, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(seconds * 1000L);
        clock.shutdownNow();
        Thread.sleep(3000); // drain
        long[] gcAfter = collections();
        hook("done");
        int sent = all.stream().mapToInt(u -> u.sent.get()).sum();
        System.out.printf("%n%d saves sent in %.1f s (%d expected), %d sync:update received, %d acks, %d conflicts, %d errors%n",
                sent, (System.nanoTime() - start) / 1e9 - 3, rounds * all.size(), updateLatencies.size(),
                ackLatencies.size(), conflicts.get(), errors.get());
        System.out.println();
        System.out.println("| measure | n | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        row("save -> sync:update on the other device", updateLatencies);
        row("save -> sync:ack on the sender", ackLatencies);
        row("sync:ack on A -> sync:update on B (the fan-out hop)", hopLatencies);
        // where the tail was: the seconds whose saves waited longest (to set beside GC logs and CPU samples)
        List<Map.Entry<Long, long[]>> worst = new ArrayList<>(bySecond.entrySet());
        worst.sort((x, y) -> Long.compare(y.getValue()[2], x.getValue()[2]));
        StringBuilder line = new StringBuilder("slowest seconds (second since the first save at epoch ms "
                + startEpochMs + ": saves, over 50 ms, max ms):");
        for (var e : worst.subList(0, Math.min(5, worst.size()))) {
            long[] c = e.getValue();
            line.append(String.format(" %d: %d, %d, %.0f;", e.getKey(), c[0], c[1], c[2] / 1e6));
        }
        System.out.println();
        System.out.println(line);
        System.out.printf("load generator's own collections during the saves: %d, %d ms in all (each pause delays every"
                + " save in flight)%n", gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
        for (User u : all) {
            u.close();
        }
        System.exit(0);
    }

    /** {count, milliseconds} of this JVM's garbage collections so far. */
    static long[] collections() {
        long count = 0;
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, ms};
    }

    /** Runs {@code $PHASE_HOOK <phase>} (e.g. CPU snapshots of the stack, deploy/bench/sync/run.sh) and waits. */
    static void hook(String phase) throws Exception {
        String hook = System.getenv("PHASE_HOOK");
        if (hook != null && !hook.isBlank()) {
            new ProcessBuilder("bash", "-c", hook + " " + phase).inheritIO().start().waitFor();
        }
    }

    static void row(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf("| %s | 0 | - | - | - | - |%n", name);
            return;
        }
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, sorted.size(), pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    static String post(String url, String token, String ip, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static final class User {
        int n;
        String token;
        String projectId;
        Device a;
        Device b;
        volatile int version;
        volatile boolean inFlight;
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        final Map<Integer, Long> ackPending = new ConcurrentHashMap<>();
        /** version -> arrival of its sync:ack on A (taken by the matching sync:update on B) */
        final Map<Integer, Long> ackAt = new ConcurrentHashMap<>();
        long inFlightSince;
        int words;

        static User create(String g1, String g2, int n) throws Exception {
            User u = new User();
            String ip = "10.77." + (n / 250) + "." + (1 + n % 250);
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            String reg = post(g1 + "/api/v1/auth/register", null, ip,
                    "{\"email\":\"" + email + "\",\"password\":\"SecurePass123!\",\"fullName\":\"Bench " + n + "\"}");
            String token = field(reg, "token");
            String project = post(g1 + "/api/v1/projects", token, ip, "{\"title\":\"Bench " + n + "\",\"wordGoal\":100000}");
            u.projectId = field(project, "id");
            u.n = n;
            u.token = token;
            u.a = Device.open(g1, token, u, true);
            u.b = Device.open(g2, token, u, false);
            return u;
        }

        /** A user of an earlier run ({@code token<TAB>projectId}): its project's current version read back. */
        static User reuse(String g1, String g2, int n, String line) throws Exception {
            String[] parts = line.split("\t");
            User u = new User();
            u.n = n;
            u.token = parts[0];
            u.projectId = parts[1];
            String ip = "10.77." + (n / 250) + "." + (1 + n % 250);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(g1 + "/api/v1/projects/" + u.projectId
                    + "/content")).timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", ip)
                    .header("Authorization", "Bearer " + u.token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("read back -> " + r.statusCode());
            }
            String v = field(r.body(), "version");
            u.version = v == null ? 0 : Integer.parseInt(v);
            // the text starts again at 5 words, as a new user's does: every run saves texts of the same sizes (had
            // it grown on from the stored text, each run would measure larger saves than the one before)
            u.words = 0;
            u.a = Device.open(g1, u.token, u, true);
            u.b = Device.open(g2, u.token, u, false);
            return u;
        }

        /** One autosave: the whole text so far plus a few words, on top of the last acknowledged version. */
        void save() {
            if (inFlight && System.nanoTime() - inFlightSince < 10_000_000_000L) {
                return; // the editor waits for the previous ack
            }
            words += 5;
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < words; i++) {
                text.append("word").append(i).append(' ');
            }
            inFlight = true;
            inFlightSince = System.nanoTime();
            sentAt.put(version + 1, inFlightSince);
            ackPending.put(version + 1, inFlightSince);
            sent.incrementAndGet();
            a.send("{\"event\":\"sync:content\",\"data\":{\"projectId\":\"" + projectId + "\",\"content\":\"" + text
                    + "\",\"version\":" + version + "}}");
        }

        void onMessage(boolean sender, String json) {
            String event = field(json, "event");
            long now = System.nanoTime();
            if (sender && "sync:ack".equals(event)) {
                int v = Integer.parseInt(field(json, "version"));
                Long t = ackPending.remove(v);
                if (t != null) {
                    ackLatencies.add(now - t);
                }
                ackAt.put(v, now);
                version = v;
                inFlight = false;
            } else if (!sender && "sync:update".equals(event)) {
                int v = Integer.parseInt(field(json, "version"));
                Long t = sentAt.remove(v);
                if (t != null) {
                    long waited = now - t;
                    updateLatencies.add(waited);
                    bySecond.merge((t - startNanos) / 1_000_000_000L, new long[] {1, waited > 50_000_000L ? 1 : 0,
                            waited}, (a, b) -> new long[] {a[0] + 1, a[1] + b[1], Math.max(a[2], b[2])});
                }
                Long ack = ackAt.remove(v);
                hopLatencies.add(ack == null ? 0L : now - ack); // none yet: B had it before A's ack
            } else if ("sync:conflict".equals(event)) {
                conflicts.incrementAndGet();
                inFlight = false;
            } else if ("error".equals(event)) {
                errors.incrementAndGet();
                if (sender) {
                    inFlight = false;
                }
                if (errors.get() < 5) {
                    System.err.println("error event: " + json);
                }
            }
        }

        void close() {
            a.socket.abort();
            b.socket.abort();
        }
    }

    static final class Device implements WebSocket.Listener {
        WebSocket socket;
        User user;
        boolean sender;
        final StringBuilder partial = new StringBuilder();
        final CountDownLatch authenticated = new CountDownLatch(1);

        static Device open(String gateway, String token, User user, boolean sender) throws Exception {
            Device d = new Device();
            d.user = user;
            d.sender = sender;
            d.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(gateway.replaceFirst("^http", "ws") + "/ws/sync"), d)
                    .get(10, TimeUnit.SECONDS);
            d.send("{\"event\":\"authenticate\",\"data\":{\"token\":\"" + token + "\"}}");
            if (!d.authenticated.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not authenticated");
            }
            return d;
        }

        synchronized void send(String frame) {
            socket.sendText(frame, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String json = partial.toString();
                partial.setLength(0);
                if ("authenticated".equals(field(json, "event"))) {
                    authenticated.countDown();
                } else {
                    user.onMessage(sender, json);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
