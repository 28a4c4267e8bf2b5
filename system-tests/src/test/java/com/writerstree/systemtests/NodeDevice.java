package com.writerstree.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A device that runs the real npm {@code socket.io-client} 4.x in a Node.js process
 * ({@code system-tests/socketio-client/device.js}, installed with {@code npm ci} from the committed lock file when
 * {@code node_modules} is missing), driven over stdin/stdout JSON lines.
 */
final class NodeDevice implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final AtomicInteger ACKS = new AtomicInteger();

    private final Process process;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();

    private NodeDevice(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = out.readLine()) != null; ) {
                            try {
                                lines.add(MAPPER.readTree(line));
                            } catch (IOException e) {
                                lines.add(MAPPER.createObjectNode()
                                        .put("type", "log")
                                        .put("line", line));
                            }
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                },
                "node-device");
        reader.setDaemon(true);
        reader.start();
    }

    static Path clientDir() {
        return Stack.repoRoot().resolve("system-tests/socketio-client");
    }

    /** {@code npm ci} once when the client is not installed yet. */
    static synchronized void ensureInstalled() throws Exception {
        Path dir = clientDir();
        if (Files.isDirectory(dir.resolve("node_modules/socket.io-client"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed in " + dir);
        }
    }

    /** Starts a device: {@code io(gatewayUrl, options)}. */
    static NodeDevice start(String gatewayUrl, ObjectNode options) throws Exception {
        ensureInstalled();
        Process process = new ProcessBuilder("node", "device.js", gatewayUrl, options.toString())
                .directory(clientDir().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new NodeDevice(process);
    }

    static ObjectNode options() {
        return MAPPER.createObjectNode();
    }

    static ObjectNode withToken(String token) {
        ObjectNode options = options();
        options.putObject("auth").put("token", token);
        return options;
    }

    static ObjectNode transports(ObjectNode options, String... transports) {
        var array = options.putArray("transports");
        for (String t : transports) {
            array.add(t);
        }
        return options;
    }

    void emit(String event, Object data) throws IOException {
        send(MAPPER.createObjectNode().put("emit", event).set("data", MAPPER.valueToTree(data)));
    }

    /** Emits with an acknowledgement callback; returns the id to {@link #awaitAck} with. */
    int emitWithAck(String event, Object data) throws IOException {
        int id = ACKS.incrementAndGet();
        ObjectNode command = MAPPER.createObjectNode().put("emit", event).put("ack", id);
        command.set("data", MAPPER.valueToTree(data));
        send(command);
        return id;
    }

    private synchronized void send(JsonNode command) throws IOException {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** The next line matching, or null within the timeout (earlier non-matching lines stay available). */
    JsonNode poll(Predicate<JsonNode> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (seen) {
            for (int i = 0; i < seen.size(); i++) {
                if (which.test(seen.get(i))) {
                    return seen.remove(i);
                }
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            JsonNode line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (which.test(line)) {
                return line;
            }
            synchronized (seen) {
                seen.add(line);
            }
        }
    }

    JsonNode await(Predicate<JsonNode> which, String what) throws InterruptedException {
        JsonNode line = poll(which, WAIT);
        if (line == null) {
            throw new AssertionError("device: no " + what + " within " + WAIT + "; seen " + seen);
        }
        return line;
    }

    JsonNode awaitType(String type) throws InterruptedException {
        return await(l -> type.equals(l.path("type").asText()), type);
    }

    /** The data of the next server event {@code event}. */
    JsonNode awaitEvent(String event) throws InterruptedException {
        return await(
                        l -> "event".equals(l.path("type").asText())
                                && event.equals(l.path("event").asText()),
                        "event " + event)
                .path("data");
    }

    JsonNode pollEvent(String event, Duration timeout) throws InterruptedException {
        JsonNode line = poll(
                l -> "event".equals(l.path("type").asText())
                        && event.equals(l.path("event").asText()),
                timeout);
        return line == null ? null : line.path("data");
    }

    JsonNode awaitAck(int id) throws InterruptedException {
        return await(l -> "ack".equals(l.path("type").asText()) && l.path("ack").asInt() == id, "ack " + id)
                .path("data");
    }

    @Override
    public void close() {
        try {
            send(MAPPER.createObjectNode().put("close", true));
            process.waitFor(3, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // destroyed below
        }
        process.destroyForcibly();
    }
}
