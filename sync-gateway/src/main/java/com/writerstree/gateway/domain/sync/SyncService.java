package com.writerstree.gateway.domain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.events.SyncRelay;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The sync rules of spec §5, once, behind both transports ({@code /ws/sync} and Socket.IO). A transport parses its
 * frames and calls {@link #handleAsync} on a worker thread, one message of a session at a time (a save holds its
 * session's next message until content-service answered, but no thread); this class applies the
 * per-connection message budget, answers {@code ping} and relays {@code sync:cursor}, and hands every other flow to
 * its own class: connection and authentication ({@link SyncAuthentication}), saves ({@link ContentSaves}), resume
 * ({@link SyncResume}); delivery of other devices' saves is {@link FanOut}. The answer to a message comes back as a
 * {@link Reply} (sent as an event, or as a Socket.IO acknowledgement), anything else is emitted on the session. Every
 * failure becomes an {@code error} reply; the session survives everything except authentication failures,
 * revocation, expiry, idleness and the per-user connection cap.
 */
@ApplicationScoped
public class SyncService {

    /** Close code for the connection over the per-user cap (the gateway's own, like 4401/4408/4410). */
    public static final int CLOSE_TOO_MANY = 4429;
    /** Connection-cap entries not refreshed for this long no longer count (a replica died without cleaning up). */
    public static final Duration CAP_STALE = Duration.ofSeconds(90);

    static final Duration REDIS_WAIT = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(SyncService.class);

    private final SyncSessions sessions;
    private final SyncAuthentication authentication;
    private final ContentSaves saves;
    private final SyncResume resume;
    private final SyncRelay relay;
    private final GatewayConfig config;

    SyncService(
            SyncSessions sessions,
            SyncAuthentication authentication,
            ContentSaves saves,
            SyncResume resume,
            SyncRelay relay,
            GatewayConfig config) {
        this.sessions = sessions;
        this.authentication = authentication;
        this.saves = saves;
        this.resume = resume;
        this.relay = relay;
        this.config = config;
    }

    /**
     * The direct answer to one message: {@code event} + {@code data}. {@code ackOnly} answers only a Socket.IO
     * acknowledgement (nothing is sent on /ws/sync, whose protocol has no such event).
     */
    public record Reply(String event, Object data, boolean ackOnly) {
        public static Reply of(String event, Object data) {
            return new Reply(event, data, false);
        }

        public static Reply error(String code, String message, String requestId) {
            return of("error", errorData(code, message, requestId));
        }

        public boolean isError() {
            return "error".equals(event);
        }
    }

    /** Outcome of an authentication: the {@code authenticated} data, or an error (fatal: the session closes). */
    public record AuthResult(Map<String, Object> authenticated, Map<String, Object> error, int closeCode) {
        public boolean ok() {
            return authenticated != null;
        }

        public boolean fatal() {
            return closeCode != 0;
        }
    }

    public static String requestId() {
        return "ws-" + UUID.randomUUID();
    }

    public static Map<String, Object> errorData(String code, String message, String requestId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("message", message);
        data.put("requestId", requestId);
        return data;
    }

    static Map<String, Object> rateLimited(ApiException e, String requestId) {
        Map<String, Object> data = errorData(e.code().name(), e.getMessage(), requestId);
        if (e.details() != null) {
            data.put("retryAfter", e.details().get("retryAfter"));
        }
        return data;
    }

    /** A new connection: registered for the auth timeout, idleness, revocation and fan-out. */
    public void opened(SyncSession session) {
        sessions.opened(session);
    }

    /** The transport is gone (closed by either side). */
    public void closed(SyncSession session) {
        sessions.closed(session.id());
    }

    /** See {@link SyncAuthentication#byCookie}; null when the handshake carried no cookie. */
    public AuthResult authenticateByCookie(SyncSession session, String cookieHeader, String origin, String requestId) {
        return authentication.byCookie(session, cookieHeader, origin, requestId);
    }

    /** See {@link SyncAuthentication#authenticate}. */
    public AuthResult authenticate(SyncSession session, String token, boolean patches, String requestId) {
        return authentication.authenticate(session, token, patches, requestId);
    }

    /** Applies an authentication result to a session: the reply, or the error and (when fatal) the close. */
    public Reply settle(SyncSession session, AuthResult result) {
        return authentication.settle(session, result);
    }

    /**
     * One inbound message (event name + data object), on a worker thread. Completes with the direct answer, or null:
     * at once, except for a save, which completes when content-service has answered (no thread waits for it).
     */
    public CompletionStage<Reply> handleAsync(SyncSession session, String event, JsonNode data, String requestId) {
        session.touch();
        MDC.put("requestId", requestId);
        try {
            if (!session.tryAcquire(
                    config.rateLimit().wsMessages().rate(),
                    config.rateLimit().wsMessages().burst())) {
                return answered(Reply.error("RATE_LIMIT_EXCEEDED", "Too many messages, slow down.", requestId));
            }
            if ("ping".equals(event)) {
                return answered(Reply.of("pong", Map.of("timestamp", System.currentTimeMillis())));
            }
            if ("authenticate".equals(event)) {
                String token = SyncMessages.text(data, "token");
                if (token == null || token.isBlank()) {
                    return answered(Reply.error("VALIDATION_ERROR", "data.token is required", requestId));
                }
                boolean patches = data.path("patches").asBoolean(session.patches());
                return answered(settle(session, authenticate(session, token.trim(), patches, requestId)));
            }
            if (!session.authenticated()) {
                return answered(Reply.error(
                        "AUTHENTICATION_REQUIRED",
                        "Send {\"event\":\"authenticate\",\"data\":{\"token\":\"...\"}} first",
                        requestId));
            }
            MDC.put("userId", session.userId());
            return switch (event) {
                case "sync:content" ->
                    saves.save(session, data, requestId)
                            .onFailure()
                            .recoverWithItem(e -> failed(session, e, requestId))
                            .subscribeAsCompletionStage();
                case "sync:cursor" -> answered(syncCursor(session, data, requestId));
                case "sync:resume" -> answered(resume.resume(session, data, requestId));
                default -> answered(Reply.error("VALIDATION_ERROR", "Unknown event: " + truncate(event), requestId));
            };
        } catch (RuntimeException e) {
            return answered(failed(session, e, requestId));
        } finally {
            MDC.remove("requestId");
            MDC.remove("userId");
        }
    }

    private static CompletionStage<Reply> answered(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static Reply failed(SyncSession session, Throwable e, String requestId) {
        LOG.errorf(e, "Sync message failed on connection %s", session.id());
        return Reply.error("INTERNAL_ERROR", ErrorCode.INTERNAL_ERROR.defaultMessage(), requestId);
    }

    /** {@code sync:cursor}: relayed to the user's other connections on every replica (Redis {@code sync:relay}). */
    private Reply syncCursor(SyncSession session, JsonNode data, String requestId) {
        String projectId = SyncMessages.text(data, "projectId");
        Integer position = SyncMessages.integer(data, "cursorPosition");
        if (!SyncMessages.isProjectId(projectId) || position == null || position < 0) {
            return Reply.error(
                    "VALIDATION_ERROR",
                    "sync:cursor needs data.projectId (UUID) and data.cursorPosition (integer >= 0)",
                    requestId);
        }
        relay.publish(
                session.userId(),
                session.id(),
                "sync:cursor",
                Map.of("projectId", projectId, "cursorPosition", position));
        return new Reply("sync:cursor", Map.of("relayed", true), true);
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
