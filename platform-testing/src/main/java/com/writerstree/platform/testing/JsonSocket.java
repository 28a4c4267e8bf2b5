package com.writerstree.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A device's WebSocket for tests of the sync protocol ({@code {"event": ..., "data": ...}} frames): the JDK
 * client, every received frame parsed into a queue, the close code in {@link #closed}.
 */
public final class JsonSocket implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Completes with the close status code (or -1 on a transport error). */
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private JsonSocket() {}

    /** Connects to {@code url}, sending {@code cookieToken} as the {@code auth_token} cookie unless null. */
    public static JsonSocket connect(String url, String cookieToken) throws Exception {
        JsonSocket client = new JsonSocket();
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (cookieToken != null) {
            builder.header("Cookie", "auth_token=" + cookieToken);
        }
        client.socket = builder.buildAsync(URI.create(url), client).get(10, TimeUnit.SECONDS);
        return client;
    }

    public void send(String event, String dataJson) {
        sendRaw("{\"event\":\"" + event + "\",\"data\":" + dataJson + "}");
    }

    public void sendRaw(String frame) {
        socket.sendText(frame, true).join();
    }

    /** The next frame with {@code event} (frames before it are dropped), or null after {@code timeout}. */
    public JsonNode next(String event, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode m = received.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (m != null && event.equals(m.path("event").asText())) {
                return m;
            }
        }
        return null;
    }

    /** Drops the connection without a closing handshake (a device losing its network). */
    public void abort() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(MAPPER.readTree(partial.toString()));
            } catch (Exception e) {
                received.add(
                        MAPPER.createObjectNode().put("event", "unparseable").put("raw", partial.toString()));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!closed.isDone() && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
