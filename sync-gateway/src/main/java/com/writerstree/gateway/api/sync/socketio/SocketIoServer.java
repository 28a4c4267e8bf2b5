package com.writerstree.gateway.api.sync.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.gateway.api.sync.TextFrames;
import com.writerstree.gateway.api.sync.Upgrades;
import com.writerstree.gateway.client.UpstreamClient;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.sync.SyncService;
import com.writerstree.gateway.domain.sync.SyncSession;
import com.writerstree.gateway.domain.sync.SyncTransport;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Socket.IO v4 (Engine.IO v4 + Socket.IO protocol v5) at {@code /socket.io/}: the second thin transport in front of
 * {@link SyncService}, for clients written to the spec with the npm {@code socket.io-client}. Implemented over Vert.x
 * routes (README "Socket.IO" says why no library): HTTP long-polling with upgrade to WebSocket, or WebSocket alone;
 * the Engine.IO heartbeat (server ping, client pong); the default namespace only; text packets only.
 *
 * <p>Several replicas: a session id starts with its replica's tag; a long-polling request that reaches another
 * replica is forwarded to the replica named by the tag (addresses registered in Redis, {@code sio:replica:<tag>}),
 * so no session affinity is needed for polling. A WebSocket upgrade that reaches the wrong replica is refused (the
 * client stays on polling).
 */
@ApplicationScoped
public class SocketIoServer {

    public static final String PATH = "/socket.io/";
    static final String HOP_HEADER = "X-Socketio-Hop";
    static final String REPLICA_PREFIX = "sio:replica:";
    private static final Logger LOG = Logger.getLogger(SocketIoServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Polling responses and sessions buffer at most this much for a device that stopped polling. */
    private static final long MAX_QUEUED_CHARS = 32L * 1024 * 1024;

    private final SyncService service;

    private final GatewayConfig config;

    private final Vertx vertx;

    private final ReactiveRedisDataSource redis;

    private final UpstreamClient client;

    private final int httpPort;

    SocketIoServer(
            SyncService service,
            GatewayConfig config,
            Vertx vertx,
            ReactiveRedisDataSource redis,
            UpstreamClient client,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "3000") int httpPort) {
        this.service = service;
        this.config = config;
        this.vertx = vertx;
        this.redis = redis;
        this.client = client;
        this.httpPort = httpPort;
    }

    private final Executor workers = Infrastructure.getDefaultWorkerPool();
    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final String replicaTag = randomId(6);
    private long timer = -1;
    private long lastRegistration;

    void init(@Observes Router router) {
        int order = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10;
        long max = config.ws().socketIo().maxPayload().asLongValue();
        router.post("/socket.io/*")
                .order(order)
                .handler(BodyHandler.create(false).setBodyLimit(max))
                .handler(this::handle);
        router.route("/socket.io/*").order(order + 1).handler(this::handle);
    }

    void start(@Observes StartupEvent ignored) {
        register();
        timer = vertx.setPeriodic(1000, id -> sweep());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        redis.key().del(REPLICA_PREFIX + replicaTag).subscribe().with(ok -> {}, f -> {});
    }

    String advertisedUrl() {
        return config.ws().socketIo().advertisedUrl().filter(s -> !s.isBlank()).orElse("http://127.0.0.1:" + httpPort);
    }

    private void register() {
        lastRegistration = System.currentTimeMillis();
        redis.value(String.class)
                .setex(REPLICA_PREFIX + replicaTag, 60, advertisedUrl())
                .subscribe()
                .with(ok -> {}, f -> LOG.warnf("Cannot register this replica for Socket.IO: %s", f.toString()));
    }

    // ---------------------------------------------------------------- HTTP entry

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!"4".equals(request.getParam("EIO"))) {
            refuse(rc, 5, "Unsupported protocol version");
            return;
        }
        String transport = request.getParam("transport");
        if (!"polling".equals(transport) && !"websocket".equals(transport)) {
            refuse(rc, 0, "Transport unknown");
            return;
        }
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
        String sid = request.getParam("sid");
        if (sid == null) {
            if ("websocket".equals(transport) && upgrade) {
                handshakeWebSocket(rc);
            } else if ("polling".equals(transport) && request.method() == HttpMethod.GET) {
                handshakePolling(rc);
            } else {
                refuse(rc, 2, "Bad handshake method");
            }
            return;
        }
        EngineSession session = sessions.get(sid);
        if (session == null) {
            String tag = sid.contains("_") ? sid.substring(0, sid.indexOf('_')) : "";
            if ("polling".equals(transport) && !tag.equals(replicaTag) && request.getHeader(HOP_HEADER) == null) {
                forward(rc, tag);
            } else {
                refuse(rc, 1, "Session ID unknown");
            }
            return;
        }
        if ("websocket".equals(transport)) {
            if (!upgrade) {
                refuse(rc, 3, "Bad request");
                return;
            }
            probe(rc, session);
        } else if (request.method() == HttpMethod.GET) {
            poll(rc, session);
        } else if (request.method() == HttpMethod.POST) {
            post(rc, session);
        } else {
            refuse(rc, 2, "Bad handshake method");
        }
    }

    private static void refuse(RoutingContext rc, int code, String message) {
        if (rc.response().ended()) {
            return;
        }
        rc.response()
                .setStatusCode(code == 1 || code == 0 || code == 2 || code == 3 || code == 5 ? 400 : 403)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    private String openPacket(String sid, boolean canUpgrade) {
        GatewayConfig.SocketIo settings = config.ws().socketIo();
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("sid", sid);
        open.put("upgrades", canUpgrade ? List.of("websocket") : List.of());
        open.put("pingInterval", settings.pingInterval().toMillis());
        open.put("pingTimeout", settings.pingTimeout().toMillis());
        open.put("maxPayload", settings.maxPayload().asLongValue());
        return "0" + SocketIoPackets.mapper().valueToTree(open);
    }

    private EngineSession newSession(HttpServerRequest request) {
        String sid = replicaTag + "_" + randomId(15);
        EngineSession session =
                new EngineSession(sid, request.getHeader(HttpHeaders.COOKIE), request.getHeader(HttpHeaders.ORIGIN));
        session.lastPingSent = System.currentTimeMillis();
        session.sync = new SyncSession(
                UUID.randomUUID().toString(),
                new Transport(session),
                config.rateLimit().wsMessages().burst());
        sessions.put(sid, session);
        service.opened(session.sync);
        return session;
    }

    private void handshakePolling(RoutingContext rc) {
        EngineSession session = newSession(rc.request());
        respond(rc, openPacket(session.sid, true));
    }

    private void handshakeWebSocket(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Upgrades.toWebSocket(request)
                .onSuccess(ws -> {
                    EngineSession session = newSession(request);
                    synchronized (session) {
                        session.ws = ws;
                        session.upgraded = true;
                    }
                    attach(ws, session);
                    ws.writeTextMessage(openPacket(session.sid, false));
                })
                .onFailure(e -> LOG.debugf("Socket.IO WebSocket upgrade failed: %s", e.toString()));
    }

    private void probe(RoutingContext rc, EngineSession session) {
        synchronized (session) {
            if (session.closed || session.ws != null) {
                refuse(rc, 3, "Bad request");
                return;
            }
        }
        Upgrades.toWebSocket(rc.request())
                .onSuccess(ws -> {
                    synchronized (session) {
                        if (session.closed || session.ws != null) {
                            ws.close();
                            return;
                        }
                        session.ws = ws;
                    }
                    attach(ws, session);
                })
                .onFailure(e -> LOG.debugf("Socket.IO upgrade failed: %s", e.toString()));
    }

    private void poll(RoutingContext rc, EngineSession session) {
        synchronized (session) {
            if (session.upgraded) {
                refuse(rc, 3, "Bad request");
                return;
            }
            if (session.pendingPoll != null) {
                refuse(rc, 3, "Bad request");
                respond(session.pendingPoll, "1");
                session.pendingPoll = null;
                closeEngine(session);
                return;
            }
            session.lastPollAt = System.currentTimeMillis();
            if (!session.queue.isEmpty()) {
                flush(session, rc);
            } else if (session.closed) {
                respond(rc, "1");
            } else if (session.probed) {
                respond(rc, "6"); // the client is switching to the WebSocket: release its poll at once
            } else {
                session.pendingPoll = rc;
                rc.response().closeHandler(ignored -> {
                    synchronized (session) {
                        if (session.pendingPoll == rc) {
                            session.pendingPoll = null;
                        }
                    }
                });
            }
        }
    }

    private void post(RoutingContext rc, EngineSession session) {
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        String payload = body == null ? "" : TextFrames.decode(body.getBytes());
        if (payload == null) {
            refuse(rc, 3, "Bad request");
            return;
        }
        synchronized (session) {
            session.lastPollAt = System.currentTimeMillis();
        }
        for (String packet : SocketIoPackets.splitPayload(payload)) {
            onEnginePacket(session, packet, null);
        }
        rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end("ok");
    }

    private static void respond(RoutingContext rc, String body) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    /** Answers a poll with everything queued (caller holds the session's monitor). */
    private static void flush(EngineSession session, RoutingContext rc) {
        String body = SocketIoPackets.joinPayload(session.queue);
        session.queue.clear();
        session.queuedChars = 0;
        respond(rc, body);
    }

    // ---------------------------------------------------------------- replicas

    /** A polling request for a session of another replica: relayed there and its answer relayed back. */
    private void forward(RoutingContext rc, String tag) {
        if (tag.isEmpty()) {
            refuse(rc, 1, "Session ID unknown");
            return;
        }
        HttpServerRequest request = rc.request();
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        String query = request.query();
        redis.value(String.class)
                .get(REPLICA_PREFIX + tag)
                .subscribe()
                .with(
                        url -> {
                            if (url == null || url.equals(advertisedUrl())) {
                                refuse(rc, 1, "Session ID unknown");
                                return;
                            }
                            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
                            for (CharSequence name : List.of(
                                    HttpHeaders.COOKIE,
                                    HttpHeaders.ORIGIN,
                                    HttpHeaders.CONTENT_TYPE,
                                    HttpHeaders.USER_AGENT)) {
                                String value = request.getHeader(name);
                                if (value != null) {
                                    headers.set(name, value);
                                }
                            }
                            headers.set(HOP_HEADER, "1");
                            GatewayConfig.SocketIo settings = config.ws().socketIo();
                            Duration wait = settings.pingInterval()
                                    .plus(settings.pingTimeout())
                                    .plusSeconds(5);
                            client.send(url + PATH + "?" + query, request.method(), headers, body, wait)
                                    .subscribe()
                                    .with(
                                            answer -> {
                                                if (rc.response().ended()) {
                                                    return;
                                                }
                                                String type = answer.getHeader("Content-Type");
                                                rc.response()
                                                        .setStatusCode(answer.statusCode())
                                                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                                                if (type != null) {
                                                    rc.response().putHeader(HttpHeaders.CONTENT_TYPE, type);
                                                }
                                                var answered = answer.body();
                                                rc.response()
                                                        .end(
                                                                answered == null
                                                                        ? Buffer.buffer()
                                                                        : answered.getDelegate());
                                            },
                                            failure -> {
                                                LOG.debugf("Socket.IO hop to %s failed: %s", url, failure.toString());
                                                refuse(rc, 1, "Session ID unknown");
                                            });
                        },
                        failure -> refuse(rc, 1, "Session ID unknown"));
    }

    // ---------------------------------------------------------------- packets

    private void attach(ServerWebSocket ws, EngineSession session) {
        TextFrames frames = new TextFrames(config.ws().socketIo().maxPayload().asLongValue(), new TextFrames.Sink() {
            @Override
            public void text(String message) {
                onEnginePacket(session, message, ws);
            }

            @Override
            public void binary(Buffer message) {
                session.sync.emit(
                        "error",
                        SyncService.errorData(
                                "VALIDATION_ERROR", "Binary packets are not supported", SyncService.requestId()));
            }

            @Override
            public void close(short code, String reason) {
                ws.close(code, reason);
            }
        });
        ws.frameHandler(frames::handle);
        ws.closeHandler(ignored -> {
            boolean active;
            synchronized (session) {
                active = session.ws == ws && session.upgraded;
                if (session.ws == ws && !session.upgraded) {
                    session.ws = null; // a failed probe: the session goes on polling
                }
            }
            if (active) {
                closeEngine(session);
            }
        });
        ws.exceptionHandler(e -> LOG.debugf("Socket.IO WebSocket %s: %s", session.sid, e.toString()));
    }

    /** One Engine.IO packet from the client; {@code ws} is the WebSocket it came on (null: polling). */
    private void onEnginePacket(EngineSession session, String packet, ServerWebSocket ws) {
        if (packet.isEmpty()) {
            return;
        }
        switch (packet.charAt(0)) {
            case '1' -> closeEngine(session);
            case '2' -> {
                if (ws != null && "probe".equals(packet.substring(1))) {
                    ws.writeTextMessage("3probe");
                    synchronized (session) {
                        session.probed = true;
                        if (session.pendingPoll != null) {
                            respond(session.pendingPoll, "6");
                            session.pendingPoll = null;
                        }
                    }
                }
            }
            case '3' -> {
                synchronized (session) {
                    session.lastPong = System.currentTimeMillis();
                }
                session.sync.touch();
            }
            case '4' -> onSocketIo(session, packet.substring(1));
            case '5' -> {
                if (ws != null) {
                    synchronized (session) {
                        if (session.ws == ws && !session.upgraded) {
                            session.upgraded = true;
                            if (session.pendingPoll != null) {
                                respond(session.pendingPoll, "6");
                                session.pendingPoll = null;
                            }
                            for (String queued : session.queue) {
                                ws.writeTextMessage(queued);
                            }
                            session.queue.clear();
                            session.queuedChars = 0;
                            if (session.closed) {
                                ws.close(); // closed while upgrading: the DISCONNECT went over the new transport
                            }
                        }
                    }
                }
            }
            default -> {
                // 6 noop, unknown types: nothing to do
            }
        }
    }

    private void onSocketIo(EngineSession session, String text) {
        var parsed = SocketIoPackets.parse(text);
        if (parsed.isEmpty()) {
            session.sync.emit(
                    "error",
                    SyncService.errorData("VALIDATION_ERROR", "Malformed Socket.IO packet", SyncService.requestId()));
            return;
        }
        SocketIoPackets.Packet packet = parsed.get();
        SyncSession sync = session.sync;
        switch (packet.type()) {
            case 0 -> connect(session, packet);
            case 1 -> closeEngine(session);
            case 2 -> {
                boolean joining;
                synchronized (session) {
                    joining = session.joining;
                }
                if (!joining || !"/".equals(packet.namespace())) {
                    return; // the socket has not joined that namespace
                }
                String requestId = SyncService.requestId();
                JsonNode args = packet.data();
                if (args == null
                        || !args.isArray()
                        || args.isEmpty()
                        || !args.get(0).isTextual()) {
                    answer(
                            session,
                            packet.ackId(),
                            SyncService.Reply.of(
                                    "error",
                                    SyncService.errorData(
                                            "VALIDATION_ERROR", "Events are [\"name\", {data}]", requestId)));
                    return;
                }
                String event = args.get(0).asText();
                JsonNode data =
                        args.size() > 1 ? args.get(1) : SocketIoPackets.mapper().createObjectNode();
                if (data == null || data.isNull()) {
                    data = SocketIoPackets.mapper().createObjectNode();
                }
                if (!data.isObject()) {
                    answer(
                            session,
                            packet.ackId(),
                            SyncService.Reply.of(
                                    "error",
                                    SyncService.errorData(
                                            "VALIDATION_ERROR", "The event's data must be an object", requestId)));
                    return;
                }
                JsonNode payload = data;
                // after the CONNECT's own task (same serial queue): dropped if the CONNECT was refused
                sync.submitAsync(workers, () -> {
                    boolean connected;
                    synchronized (session) {
                        connected = session.connected;
                    }
                    if (!connected) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return service.handleAsync(sync, event, payload, requestId)
                            .thenAccept(reply -> answer(session, packet.ackId(), reply));
                });
            }
            case 3 -> {
                // acknowledgements from the client: the gateway never asks for one
            }
            default ->
                session.sync.emit(
                        "error",
                        SyncService.errorData(
                                "VALIDATION_ERROR", "Binary packets are not supported", SyncService.requestId()));
        }
    }

    /** CONNECT to the default namespace, authenticated by {@code auth.token} or the cookie when either is present. */
    private void connect(EngineSession session, SocketIoPackets.Packet packet) {
        if (!"/".equals(packet.namespace())) {
            send(session, SocketIoPackets.connectError(packet.namespace(), "Invalid namespace", null));
            return;
        }
        synchronized (session) {
            if (session.joining) {
                return;
            }
            session.joining = true;
        }
        JsonNode auth = packet.data();
        String token = auth != null && auth.path("token").isTextual()
                ? auth.get("token").asText().trim()
                : null;
        boolean patches = auth != null && auth.path("patches").asBoolean(false);
        SyncSession sync = session.sync;
        sync.submit(workers, () -> {
            String requestId = SyncService.requestId();
            SyncService.AuthResult result;
            if (token != null && !token.isEmpty()) {
                result = service.authenticate(sync, token, patches, requestId);
            } else {
                result = service.authenticateByCookie(sync, session.cookie, session.origin, requestId);
            }
            if (result != null && !result.ok()) {
                synchronized (session) {
                    session.joining = false; // the client may try again (another token)
                }
                Object message = result.error().get("message");
                send(session, SocketIoPackets.connectError("/", String.valueOf(message), result.error()));
                if (result.fatal()) {
                    service.closed(sync);
                    closeEngine(session);
                }
                return;
            }
            synchronized (session) {
                session.connected = true;
            }
            send(session, SocketIoPackets.connected(sync.id()));
            if (result != null) {
                sync.emit("authenticated", result.authenticated());
            }
        });
    }

    /** The answer to one EVENT: its acknowledgement when the client asked for one, else the reply event. */
    private void answer(EngineSession session, Long ackId, SyncService.Reply reply) {
        if (ackId != null) {
            send(session, SocketIoPackets.ack(ackId, ackPayload(reply)));
        } else if (reply != null && !reply.ackOnly()) {
            session.sync.emit(reply.event(), reply.data());
        }
    }

    /** An acknowledgement carries the reply's data; an error as {@code {error}}, a conflict as {@code {conflict}}. */
    static Object ackPayload(SyncService.Reply reply) {
        if (reply == null) {
            return Map.of();
        }
        if (reply.isError()) {
            return Map.of("error", reply.data());
        }
        if ("sync:conflict".equals(reply.event())) {
            return Map.of("conflict", reply.data());
        }
        return reply.data();
    }

    /** Sends one Engine.IO packet: over the WebSocket once upgraded, else to the waiting (or next) poll. */
    void send(EngineSession session, String packet) {
        synchronized (session) {
            if (session.overWebSocket()) {
                if (!session.ws.isClosed()) {
                    session.ws
                            .writeTextMessage(packet)
                            .onFailure(e -> LOG.debugf("Socket.IO send failed: %s", e.toString()));
                }
                return;
            }
            if (session.closed && !"41".equals(packet)) {
                return;
            }
            session.queue.add(packet);
            session.queuedChars += packet.length();
            if (session.pendingPoll != null) {
                RoutingContext poll = session.pendingPoll;
                session.pendingPoll = null;
                flush(session, poll);
            } else if (session.queuedChars > MAX_QUEUED_CHARS) {
                LOG.infof("Socket.IO session %s closed: its device stopped polling", session.sid);
                session.queue.clear();
                session.queuedChars = 0;
                closeEngine(session);
            }
        }
    }

    /** Whether a long-poll of session {@code sid} is held on this replica (tests act while it is). */
    boolean pollPending(String sid) {
        EngineSession session = sessions.get(sid);
        if (session == null) {
            return false;
        }
        synchronized (session) {
            return session.pendingPoll != null;
        }
    }

    /** Ends the Engine.IO session (a poll still gets the close packet) and its sync session. */
    void closeEngine(EngineSession session) {
        synchronized (session) {
            if (session.closed) {
                return;
            }
            session.closed = true;
            session.lastPollAt = System.currentTimeMillis();
            if (session.overWebSocket() && !session.ws.isClosed()) {
                session.ws.close();
            }
            // a probe WebSocket stays open: if the client completes the upgrade, the queue (DISCONNECT, close) goes
            // over it; otherwise the next poll gets it and the sweep closes the probe
            // polling: the close packet goes alone, in the poll after the queued packets (the client handles a
            // DISCONNECT a tick later than the Engine.IO close of the same payload, which would win)
            if (!session.overWebSocket() && session.pendingPoll != null) {
                RoutingContext poll = session.pendingPoll;
                session.pendingPoll = null;
                if (session.queue.isEmpty()) {
                    respond(poll, "1");
                } else {
                    flush(session, poll);
                }
            }
        }
        service.closed(session.sync);
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        if (now - lastRegistration > 20_000) {
            register();
        }
        GatewayConfig.SocketIo settings = config.ws().socketIo();
        long interval = settings.pingInterval().toMillis();
        long timeout = settings.pingTimeout().toMillis();
        for (EngineSession session : sessions.values()) {
            boolean dead = false;
            boolean ping = false;
            synchronized (session) {
                if (session.closed) {
                    if (now - session.lastPollAt > interval + timeout) {
                        sessions.remove(session.sid);
                        if (session.ws != null && !session.ws.isClosed()) {
                            session.ws.close();
                        }
                    }
                    continue;
                }
                if (session.lastPingSent > session.lastPong && now - session.lastPingSent > timeout) {
                    dead = true;
                } else if (!session.overWebSocket()
                        && session.pendingPoll == null
                        && now - session.lastPollAt > interval + timeout) {
                    dead = true;
                } else if (now - session.lastPingSent >= interval) {
                    session.lastPingSent = now;
                    ping = true;
                }
            }
            if (dead) {
                closeEngine(session);
            } else if (ping) {
                send(session, "2");
            }
        }
    }

    int size() {
        return sessions.size();
    }

    private static String randomId(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw).replace('_', 'A');
    }

    /** Socket.IO events of one socket: {@code 42["event",data]} through its Engine.IO session. */
    private final class Transport implements SyncTransport {
        private final EngineSession session;

        Transport(EngineSession session) {
            this.session = session;
        }

        @Override
        public String kind() {
            return "socket.io";
        }

        @Override
        public void emit(String event, Object data) {
            boolean connected;
            synchronized (session) {
                connected = session.connected && !session.closed;
            }
            if (connected) {
                send(session, SocketIoPackets.event(event, data));
            }
        }

        @Override
        public void terminate(int code, String reason) {
            boolean connected;
            synchronized (session) {
                connected = session.connected && !session.closed;
            }
            if (connected) {
                send(session, SocketIoPackets.disconnect());
            }
            closeEngine(session);
        }

        @Override
        public void goAway() {
            closeEngine(session);
        }
    }
}
