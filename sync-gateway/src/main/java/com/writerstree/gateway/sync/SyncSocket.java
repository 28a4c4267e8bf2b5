package com.writerstree.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.writerstree.gateway.auth.EdgeAuthenticator;
import com.writerstree.gateway.auth.Revocations;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.limits.EdgeLimits;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * {@code /ws/sync} (spec §5; protocol in the README): authentication by the {@code auth_token} cookie of the upgrade
 * or an {@code authenticate} message, then {@code sync:content}, {@code sync:cursor}, {@code sync:resume},
 * {@code ping}. Callbacks run on worker threads, one message of a connection at a time (serial inbound processing).
 * Every failure is answered with an {@code error} event; the connection survives everything except authentication
 * failures, revocation, expiry and idleness.
 */
@WebSocket(path = "/ws/sync")
public class SyncSocket {

    private static final Logger LOG = Logger.getLogger(SyncSocket.class);
    private static final Duration REDIS_WAIT = Duration.ofSeconds(3);

    @Inject
    SyncSessions sessions;

    @Inject
    EdgeAuthenticator authenticator;

    @Inject
    Revocations revocations;

    @Inject
    EdgeLimits limits;

    @Inject
    ContentSync content;

    @Inject
    SyncRelay relay;

    @Inject
    GatewayConfig config;

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        SyncSession session =
                new SyncSession(connection, config.rateLimit().wsMessages().burst());
        sessions.opened(session);
        String cookie = cookieToken(connection.handshakeRequest().header("Cookie"));
        if (cookie == null) {
            return; // an authenticate message must follow within gateway.ws.auth-timeout
        }
        String origin = connection.handshakeRequest().header("Origin");
        if (origin != null && !config.cors().origins().contains(origin)) {
            // cross-site WebSocket hijacking: a foreign page must not ride on the browser's cookie
            send(session, SyncMessages.error("FORBIDDEN", "Origin not allowed for cookie authentication", null));
            return;
        }
        authenticate(session, cookie, requestId());
    }

    @OnPongMessage
    public void onPong(WebSocketConnection connection, Buffer ignored) {
        SyncSession session = sessions.get(connection.id());
        if (session != null) {
            session.touch();
        }
    }

    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String frame) {
        SyncSession session = sessions.get(connection.id());
        if (session == null) {
            return;
        }
        session.touch();
        String requestId = requestId();
        MDC.put("requestId", requestId);
        try {
            if (!session.tryAcquire(
                    config.rateLimit().wsMessages().rate(),
                    config.rateLimit().wsMessages().burst())) {
                send(session, SyncMessages.error("RATE_LIMIT_EXCEEDED", "Too many messages, slow down.", requestId));
                return;
            }
            var parsed = SyncMessages.parse(frame);
            if (parsed.isEmpty()) {
                send(
                        session,
                        SyncMessages.error(
                                "VALIDATION_ERROR",
                                "Messages are JSON objects {\"event\": \"...\", \"data\": {...}}",
                                requestId));
                return;
            }
            SyncMessages.Incoming in = parsed.get();
            if ("ping".equals(in.event())) {
                send(session, SyncMessages.encode("pong", Map.of("timestamp", System.currentTimeMillis())));
                return;
            }
            if ("authenticate".equals(in.event())) {
                String token = SyncMessages.text(in.data(), "token");
                if (token == null || token.isBlank()) {
                    send(session, SyncMessages.error("VALIDATION_ERROR", "data.token is required", requestId));
                    return;
                }
                authenticate(session, token.trim(), requestId);
                return;
            }
            if (!session.authenticated()) {
                send(
                        session,
                        SyncMessages.error(
                                "AUTHENTICATION_REQUIRED",
                                "Send {\"event\":\"authenticate\",\"data\":{\"token\":\"...\"}} first",
                                requestId));
                return;
            }
            MDC.put("userId", session.userId());
            switch (in.event()) {
                case "sync:content" -> syncContent(session, in.data(), requestId);
                case "sync:cursor" -> syncCursor(session, in.data(), requestId);
                case "sync:resume" -> resume(session, in.data(), requestId);
                default ->
                    send(
                            session,
                            SyncMessages.error(
                                    "VALIDATION_ERROR", "Unknown event: " + truncate(in.event()), requestId));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "WebSocket message failed on connection %s", connection.id());
            send(session, SyncMessages.error("INTERNAL_ERROR", ErrorCode.INTERNAL_ERROR.defaultMessage(), requestId));
        } finally {
            MDC.remove("requestId");
            MDC.remove("userId");
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        sessions.closed(connection.id());
    }

    private void authenticate(SyncSession session, String token, String requestId) {
        JsonWebToken jwt;
        try {
            jwt = authenticator.verify(token);
            revocations.check(jwt).await().atMost(REDIS_WAIT);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.EXTERNAL_SERVICE_ERROR) {
                send(session, SyncMessages.error(e.code().name(), e.getMessage(), requestId));
                return;
            }
            sessions.closed(session.id());
            sessions.closeWith(session, SyncSessions.CLOSE_AUTH, e.code().name(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            send(
                    session,
                    SyncMessages.error(
                            "EXTERNAL_SERVICE_ERROR", "Authentication is temporarily unavailable", requestId));
            return;
        }
        String previous = session.userId();
        if (previous != null && !previous.equals(jwt.getSubject())) {
            send(session, SyncMessages.error("FORBIDDEN", "This connection belongs to another user", requestId));
            return;
        }
        session.authenticate(new SyncSession.Identity(
                jwt.getSubject(), token, jwt.getTokenID(), jwt.getIssuedAtTime(), jwt.getExpirationTime()));
        sessions.authenticated(session);
        send(
                session,
                SyncMessages.encode("authenticated", Map.of("userId", jwt.getSubject(), "connectionId", session.id())));
    }

    private void syncContent(SyncSession session, JsonNode data, String requestId) {
        String projectId = SyncMessages.text(data, "projectId");
        JsonNode text = data.get("content");
        if (!SyncMessages.isProjectId(projectId) || text == null || !text.isTextual()) {
            send(
                    session,
                    SyncMessages.error(
                            "VALIDATION_ERROR",
                            "sync:content needs data.projectId (UUID) and data.content (string)",
                            requestId));
            return;
        }
        try {
            limits.checkSave(session.userId(), projectId).await().atMost(REDIS_WAIT);
        } catch (ApiException e) {
            send(session, rateLimited(e, requestId));
            return;
        }
        ObjectNode body = SyncMessages.mapper().createObjectNode();
        body.set("content", text);
        for (String optional : List.of("wordCount", "cursorPosition", "version")) {
            if (data.hasNonNull(optional)) {
                body.set(optional, data.get(optional));
            }
        }
        SyncSession.Identity identity = session.identity();
        ContentSync.Reply reply = content.save(identity.token(), projectId, body.toString(), session.id(), requestId);
        if (reply.status() == 200) {
            JsonNode saved = reply.data();
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("projectId", projectId);
            ack.put("version", saved.path("version").asInt());
            ack.put("wordCount", saved.path("wordCount").asInt());
            ack.put("savedAt", saved.path("savedAt").asText(null));
            boolean merged = saved.path("merged").asBoolean(false);
            ack.put("merged", merged);
            if (merged && saved.hasNonNull("content")) {
                ack.put("content", saved.get("content").asText());
            }
            send(session, SyncMessages.encode("sync:ack", ack));
        } else if (reply.status() == 409 && "VERSION_CONFLICT".equals(reply.errorCode())) {
            JsonNode details = reply.errorDetails();
            Map<String, Object> conflict = new LinkedHashMap<>();
            conflict.put("projectId", projectId);
            conflict.put(
                    "serverVersion",
                    details.path("serverVersion").isMissingNode()
                            ? null
                            : details.get("serverVersion").asInt());
            conflict.put(
                    "clientVersion",
                    data.hasNonNull("version")
                            ? data.get("version").asInt()
                            : details.path("clientVersion").asInt());
            conflict.put("serverContent", details.path("serverContent").asText(null));
            conflict.put("message", "Your changes conflict with recent updates");
            send(session, SyncMessages.encode("sync:conflict", conflict));
        } else {
            send(session, SyncMessages.error(reply.errorCode(), reply.errorMessage(), requestId));
        }
    }

    private void syncCursor(SyncSession session, JsonNode data, String requestId) {
        String projectId = SyncMessages.text(data, "projectId");
        Integer position = SyncMessages.integer(data, "cursorPosition");
        if (!SyncMessages.isProjectId(projectId) || position == null || position < 0) {
            send(
                    session,
                    SyncMessages.error(
                            "VALIDATION_ERROR",
                            "sync:cursor needs data.projectId (UUID) and data.cursorPosition (integer >= 0)",
                            requestId));
            return;
        }
        relay.publish(
                session.userId(),
                session.id(),
                "sync:cursor",
                Map.of("projectId", projectId, "cursorPosition", position));
    }

    private void resume(SyncSession session, JsonNode data, String requestId) {
        JsonNode projects = data.get("projects");
        if (projects == null || !projects.isArray() || projects.size() > 100) {
            send(
                    session,
                    SyncMessages.error(
                            "VALIDATION_ERROR",
                            "sync:resume needs data.projects: [{projectId, version}] (at most 100)",
                            requestId));
            return;
        }
        for (JsonNode p : projects) {
            String projectId = SyncMessages.text(p, "projectId");
            Integer version = SyncMessages.integer(p, "version");
            if (!SyncMessages.isProjectId(projectId) || version == null) {
                send(
                        session,
                        SyncMessages.error(
                                "VALIDATION_ERROR", "each project needs projectId (UUID) and version", requestId));
                continue;
            }
            ContentSync.Reply reply = content.read(session.identity().token(), projectId, requestId);
            if (reply.status() != 200) {
                send(session, SyncMessages.error(reply.errorCode(), reply.errorMessage(), requestId));
                continue;
            }
            JsonNode stored = reply.data().path("content");
            if (stored.path("version").asInt() > version) {
                send(session, SyncMessages.encode("sync:update", ContentSync.update(projectId, stored)));
            }
        }
    }

    private static String rateLimited(ApiException e, String requestId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", e.code().name());
        data.put("message", e.getMessage());
        data.put("requestId", requestId);
        if (e.details() != null) {
            data.put("retryAfter", e.details().get("retryAfter"));
        }
        return SyncMessages.encode("error", data);
    }

    static void send(SyncSession session, String message) {
        session.connection
                .sendText(message)
                .subscribe()
                .with(ok -> {}, failure -> LOG.debugf("Send to %s failed: %s", session.id(), failure.toString()));
    }

    static String cookieToken(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equals(EdgeAuthenticator.COOKIE)) {
                String value = part.substring(eq + 1).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String requestId() {
        return "ws-" + UUID.randomUUID();
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
