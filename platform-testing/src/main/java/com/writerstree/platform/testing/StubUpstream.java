package com.writerstree.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for another service in a service's Quarkus tests (the plumbing every stub shares):
 * bound to a free local port, a handler per path prefix on its own threads (a hung request holds up no other),
 * configuration over HTTP ({@code PUT /_stub/<name>/<id>} with a JSON body, see {@link #configurable}), and a
 * {@link #hang} that never answers, for timeout tests. A stub class (a {@code QuarkusTestResourceLifecycleManager})
 * starts one in {@code start()}, adds its routes, returns {@link #url()} as the client's URL, and closes it in
 * {@code stop()}.
 */
public final class StubUpstream implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);

    private StubUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
    }

    /** A started server without routes (unknown paths answer 404). */
    public static StubUpstream start() {
        StubUpstream stub = new StubUpstream();
        stub.server.start();
        return stub;
    }

    /** Routes every path below {@code prefix} to {@code handler}. */
    public StubUpstream route(String prefix, Handler handler) {
        server.createContext(prefix, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /**
     * What tests configured under {@code name}: {@code PUT /_stub/<name>/<id>} with a JSON body stores the body under
     * {@code <id>} (204). The map is live; handlers read it.
     */
    public Map<String, JsonNode> configurable(String name) {
        Map<String, JsonNode> store = new ConcurrentHashMap<>();
        route("/_stub/" + name + "/", exchange -> {
            store.put(lastSegment(exchange), JSON.readTree(exchange.getRequestBody()));
            respond(exchange, 204, null);
        });
        return store;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Holds the request without an answer until the stub closes: the caller's timeout has to cut it. */
    public void hang() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    /** The {@code index}-th segment of the request path ({@code /a/b} has "" at 0, "a" at 1). */
    public static String segment(HttpExchange exchange, int index) {
        return exchange.getRequestURI().getPath().split("/")[index];
    }

    public static String lastSegment(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Answers {@code status} with a JSON body ({@code null}: none). */
    public static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Answers in the error envelope: {@code {"success":false,"error":{"code":<code>}}}. */
    public static void respondError(HttpExchange exchange, int status, String code) throws IOException {
        respond(exchange, status, "{\"success\":false,\"error\":{\"code\":\"" + code + "\"}}");
    }
}
