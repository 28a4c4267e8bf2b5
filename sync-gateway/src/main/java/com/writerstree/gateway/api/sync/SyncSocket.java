package com.writerstree.gateway.api.sync;

import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.sync.SyncMessages;
import com.writerstree.gateway.domain.sync.SyncService;
import com.writerstree.gateway.domain.sync.SyncSession;
import com.writerstree.gateway.domain.sync.SyncSessions;
import com.writerstree.gateway.domain.sync.SyncTransport;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code /ws/sync} (spec §5; protocol in the README): the thin JSON-over-WebSocket transport in front of
 * {@link SyncService}. Every message is a text frame {@code {"event": "...", "data": {...}}}; the answer to it is
 * sent the same way. A Vert.x route upgrades the request itself (rather than a websockets-next endpoint) so that
 * text frames are decoded strictly (invalid UTF-8 closes with 1007, see {@link TextFrames}).
 */
@ApplicationScoped
public class SyncSocket {

    public static final String PATH = "/ws/sync";
    private static final Logger LOG = Logger.getLogger(SyncSocket.class);

    private final SyncService service;

    private final GatewayConfig config;

    private final int maxMessageSize;

    SyncSocket(
            SyncService service,
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.websockets-next.server.max-message-size", defaultValue = "6291456")
                    int maxMessageSize) {
        this.service = service;
        this.config = config;
        this.maxMessageSize = maxMessageSize;
    }

    private final Executor workers = Infrastructure.getDefaultWorkerPool();

    void init(@Observes Router router) {
        router.route(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10).handler(this::upgrade);
    }

    private void upgrade(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            rc.response()
                    .setStatusCode(426)
                    .putHeader("Upgrade", "websocket")
                    .putHeader("Content-Type", "application/json")
                    .end("{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\","
                            + "\"message\":\"/ws/sync is a WebSocket endpoint\"}}");
            return;
        }
        String cookie = request.getHeader(HttpHeaders.COOKIE);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        Upgrades.toWebSocket(request)
                .onSuccess(ws -> open(ws, cookie, origin))
                .onFailure(e -> LOG.debugf("WebSocket upgrade failed: %s", e.toString()));
    }

    private void open(ServerWebSocket ws, String cookie, String origin) {
        SyncSession session = new SyncSession(
                UUID.randomUUID().toString(),
                new Transport(ws),
                config.rateLimit().wsMessages().burst());
        service.opened(session);
        TextFrames frames = new TextFrames(maxMessageSize, new TextFrames.Sink() {
            @Override
            public void text(String message) {
                session.submitAsync(workers, () -> onMessage(session, message));
            }

            @Override
            public void binary(Buffer message) {
                session.submit(
                        workers,
                        () -> session.emit(
                                "error",
                                SyncService.errorData(
                                        "VALIDATION_ERROR", "Messages are JSON text frames", SyncService.requestId())));
            }

            @Override
            public void close(short code, String reason) {
                ws.close(code, reason);
            }
        });
        ws.frameHandler(frame -> {
            session.touch();
            frames.handle(frame);
        });
        ws.pongHandler(ignored -> session.touch());
        ws.closeHandler(ignored -> service.closed(session));
        ws.exceptionHandler(e -> LOG.debugf("WebSocket %s: %s", session.id(), e.toString()));
        if (cookie != null) {
            session.submit(workers, () -> {
                SyncService.AuthResult result =
                        service.authenticateByCookie(session, cookie, origin, SyncService.requestId());
                if (result != null) {
                    send(session, service.settle(session, result));
                }
            });
        }
    }

    private CompletionStage<?> onMessage(SyncSession session, String frame) {
        String requestId = SyncService.requestId();
        var parsed = SyncMessages.parse(frame);
        if (parsed.isEmpty()) {
            session.touch();
            session.emit(
                    "error",
                    SyncService.errorData(
                            "VALIDATION_ERROR",
                            "Messages are JSON objects {\"event\": \"...\", \"data\": {...}}",
                            requestId));
            return CompletableFuture.completedFuture(null);
        }
        return service.handleAsync(session, parsed.get().event(), parsed.get().data(), requestId)
                .thenAccept(reply -> send(session, reply));
    }

    private static void send(SyncSession session, SyncService.Reply reply) {
        if (reply != null && !reply.ackOnly()) {
            session.emit(reply.event(), reply.data());
        }
    }

    /** JSON frames over one Vert.x WebSocket. */
    static final class Transport implements SyncTransport {
        private final ServerWebSocket ws;

        Transport(ServerWebSocket ws) {
            this.ws = ws;
        }

        @Override
        public String kind() {
            return "ws";
        }

        @Override
        public void emit(String event, Object data) {
            if (ws.isClosed()) {
                return;
            }
            ws.writeTextMessage(SyncMessages.encode(event, data))
                    .onFailure(e -> LOG.debugf("Send failed: %s", e.toString()));
        }

        @Override
        public void terminate(int code, String reason) {
            if (!ws.isClosed()) {
                ws.close((short) code, reason.length() > 120 ? reason.substring(0, 120) : reason);
            }
        }

        @Override
        public void goAway() {
            terminate(SyncSessions.CLOSE_GOING_AWAY, "Server restarting");
        }

        @Override
        public void heartbeat() {
            if (!ws.isClosed()) {
                ws.writePing(Buffer.buffer());
            }
        }
    }
}
