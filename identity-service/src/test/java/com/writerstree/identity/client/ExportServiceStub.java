package com.writerstree.identity.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for export-service's internal start of a data export (port 18983, %test config): records each call
 * (path, service token, body) and answers like export-service, or 503 while {@link #down} is set. The real
 * export-service is exercised end to end by system-tests GdprIT.
 */
public final class ExportServiceStub implements AutoCloseable {

    public record Call(String path, String serviceToken, String body) {}

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Answers 503. */
    public volatile boolean down;
    /** Answers only after this long (a hung export-service). */
    public volatile Duration delay = Duration.ZERO;

    private final HttpServer server;

    public ExportServiceStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 18983), 0);
        server.createContext("/internal/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Service-Token"),
                    body));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            UUID job = UUID.randomUUID();
            String answer = down
                    ? "{\"success\":false}"
                    : "{\"success\":true,\"data\":{\"jobId\":\"" + job + "\",\"status\":\"processing\","
                            + "\"downloadUrl\":\"http://127.0.0.1:9000/exports/users/" + job
                            + "/writers-tree-data.zip?X-Amz-Signature=abc\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(down ? 503 : 202, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        // one thread per request: a hung answer must not hold up the next test's call
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "export-service-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
