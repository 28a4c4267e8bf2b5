package com.writerstree.gateway.domain.sync;

import com.writerstree.gateway.client.ContentClient;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.auth.EdgeAuthenticator;
import com.writerstree.gateway.domain.auth.Revocations;
import com.writerstree.gateway.domain.limits.ConnectionCap;
import com.writerstree.gateway.domain.limits.EdgeLimits;
import com.writerstree.gateway.events.SyncRelay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
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
 * The sync rules of spec §5, once, behind both transports ({@code /ws/sync} and Socket.IO): authentication,
 * {@code sync:content}, {@code sync:cursor}, {@code sync:resume}, {@code ping}. A transport parses its frames and
 * calls {@link #handle} on a worker thread, one message of a session at a time; the answer to the message comes back
 * as a {@link Reply} (sent as an event, or as a Socket.IO acknowledgement), anything else is emitted on the session.
 * Every failure becomes an {@code error} reply; the session survives everything except authentication failures,
 * revocation, expiry, idleness and the per-user connection cap.
 */
@ApplicationScoped
public class SyncService {

    /** Close code for the connection over the per-user cap (the gateway's own, like 4401/4408/4410). */
    public static final int CLOSE_TOO_MANY = 4429;

    private static final Logger LOG = Logger.getLogger(SyncService.class);
    private static final Duration REDIS_WAIT = Duration.ofSeconds(3);
    /** Connection-cap entries not refreshed for this long no longer count (a replica died without cleaning up). */
    public static final Duration CAP_STALE = Duration.ofSeconds(90);

    @Inject
    SyncSessions sessions;

    @Inject
    EdgeAuthenticator authenticator;

    @Inject
    Revocations revocations;

    @Inject
    EdgeLimits limits;

    @Inject
    ConnectionCap cap;

    @Inject
    ContentClient content;

    @Inject
    SyncRelay relay;

    @Inject
    GatewayConfig config;

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

    /** A new connection: registered for the auth timeout, idleness, revocation and fan-out. */
    public void opened(SyncSession session) {
        sessions.opened(session);
    }

    /** The transport is gone (closed by either side). */
    public void closed(SyncSession session) {
        sessions.closed(session.id());
    }

    /**
     * Authenticates by the {@code auth_token} cookie of the handshake, when the request's {@code Origin} is absent or
     * allowed (a foreign page must not ride on the browser's cookie). Returns null when there is no cookie.
     */
    public AuthResult authenticateByCookie(SyncSession session, String cookieHeader, String origin, String requestId) {
        String cookie = cookieToken(cookieHeader);
        if (cookie == null) {
            return null;
        }
        if (origin != null && !config.cors().origins().contains(origin)) {
            return new AuthResult(
                    null, errorData("FORBIDDEN", "Origin not allowed for cookie authentication", requestId), 0);
        }
        return authenticate(session, cookie, session.patches(), requestId);
    }

    /** Verifies the JWT and checks revocation exactly as REST does; admits the session under the per-user cap. */
    public AuthResult authenticate(SyncSession session, String token, boolean patches, String requestId) {
        JsonWebToken jwt;
        try {
            jwt = authenticator.verify(token);
            revocations.check(jwt).await().atMost(REDIS_WAIT);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.EXTERNAL_SERVICE_ERROR) {
                return new AuthResult(null, errorData(e.code().name(), e.getMessage(), requestId), 0);
            }
            return new AuthResult(null, errorData(e.code().name(), e.getMessage(), requestId), SyncSessions.CLOSE_AUTH);
        } catch (RuntimeException e) {
            return new AuthResult(
                    null,
                    errorData("EXTERNAL_SERVICE_ERROR", "Authentication is temporarily unavailable", requestId),
                    0);
        }
        String previous = session.userId();
        if (previous != null && !previous.equals(jwt.getSubject())) {
            return new AuthResult(
                    null, errorData("FORBIDDEN", "This connection belongs to another user", requestId), 0);
        }
        if (previous == null) {
            int max = config.ws().maxConnectionsPerUser();
            boolean admitted = cap.admit(jwt.getSubject(), session.id(), max, CAP_STALE)
                    .await()
                    .atMost(REDIS_WAIT);
            if (!admitted) {
                return new AuthResult(
                        null,
                        errorData(
                                "TOO_MANY_CONNECTIONS",
                                "At most " + max + " open sync connections per user; close another device or tab",
                                requestId),
                        CLOSE_TOO_MANY);
            }
        }
        session.acceptPatches(patches);
        session.authenticate(new SyncSession.Identity(
                jwt.getSubject(), token, jwt.getTokenID(), jwt.getIssuedAtTime(), jwt.getExpirationTime()));
        sessions.authenticated(session);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", jwt.getSubject());
        data.put("connectionId", session.id());
        return new AuthResult(data, null, 0);
    }

    /** Applies an authentication result to a session: the reply, or the error and (when fatal) the close. */
    public Reply settle(SyncSession session, AuthResult result) {
        if (result.ok()) {
            return Reply.of("authenticated", result.authenticated());
        }
        if (result.fatal()) {
            sessions.closed(session.id());
            sessions.closeWith(session, result.closeCode(), result.error());
            return null;
        }
        return Reply.of("error", result.error());
    }

    /** One inbound message (event name + data object). Returns the direct answer, or null. */
    public Reply handle(SyncSession session, String event, JsonNode data, String requestId) {
        session.touch();
        MDC.put("requestId", requestId);
        try {
            if (!session.tryAcquire(
                    config.rateLimit().wsMessages().rate(),
                    config.rateLimit().wsMessages().burst())) {
                return Reply.error("RATE_LIMIT_EXCEEDED", "Too many messages, slow down.", requestId);
            }
            if ("ping".equals(event)) {
                return Reply.of("pong", Map.of("timestamp", System.currentTimeMillis()));
            }
            if ("authenticate".equals(event)) {
                String token = SyncMessages.text(data, "token");
                if (token == null || token.isBlank()) {
                    return Reply.error("VALIDATION_ERROR", "data.token is required", requestId);
                }
                boolean patches = data.path("patches").asBoolean(session.patches());
                return settle(session, authenticate(session, token.trim(), patches, requestId));
            }
            if (!session.authenticated()) {
                return Reply.error(
                        "AUTHENTICATION_REQUIRED",
                        "Send {\"event\":\"authenticate\",\"data\":{\"token\":\"...\"}} first",
                        requestId);
            }
            MDC.put("userId", session.userId());
            return switch (event) {
                case "sync:content" -> syncContent(session, data, requestId);
                case "sync:cursor" -> syncCursor(session, data, requestId);
                case "sync:resume" -> resume(session, data, requestId);
                default -> Reply.error("VALIDATION_ERROR", "Unknown event: " + truncate(event), requestId);
            };
        } catch (RuntimeException e) {
            LOG.errorf(e, "Sync message failed on connection %s", session.id());
            return Reply.error("INTERNAL_ERROR", ErrorCode.INTERNAL_ERROR.defaultMessage(), requestId);
        } finally {
            MDC.remove("requestId");
            MDC.remove("userId");
        }
    }

    private Reply syncContent(SyncSession session, JsonNode data, String requestId) {
        String projectId = SyncMessages.text(data, "projectId");
        JsonNode text = data.get("content");
        JsonNode patch = data.get("patch");
        boolean hasText = text != null && !text.isNull();
        boolean hasPatch = patch != null && !patch.isNull();
        if (!SyncMessages.isProjectId(projectId)
                || hasText == hasPatch
                || (hasText && !text.isTextual())
                || (hasPatch && (!patch.isArray() || !data.hasNonNull("version")))) {
            return Reply.error(
                    "VALIDATION_ERROR",
                    "sync:content needs data.projectId (UUID) and either data.content (string) or data.patch"
                            + " (array of retain/delete/insert operations, with data.version)",
                    requestId);
        }
        String invalid = hasText ? TextRules.problem(text.asText()) : TextRules.problemInPatch(patch);
        if (invalid != null) {
            return Reply.error("VALIDATION_ERROR", invalid, requestId);
        }
        try {
            limits.checkSave(session.userId(), projectId).await().atMost(REDIS_WAIT);
        } catch (ApiException e) {
            return Reply.of("error", rateLimited(e, requestId));
        }
        ObjectNode body = SyncMessages.mapper().createObjectNode();
        if (hasText) {
            body.set("content", text);
        } else {
            body.set("patch", patch);
        }
        for (String optional : List.of("wordCount", "cursorPosition", "version")) {
            if (data.hasNonNull(optional)) {
                body.set(optional, data.get(optional));
            }
        }
        SyncSession.Identity identity = session.identity();
        ContentClient.Reply reply = content.save(identity.token(), projectId, body.toString(), session.id(), requestId);
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
            return Reply.of("sync:ack", ack);
        }
        if (reply.status() == 409 && "VERSION_CONFLICT".equals(reply.errorCode())) {
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
            return Reply.of("sync:conflict", conflict);
        }
        return Reply.error(reply.errorCode(), reply.errorMessage(), requestId);
    }

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

    /**
     * {@code sync:resume}: at most {@code gateway.ws.resume-max-projects} projects; each one looked up costs one
     * request of the user's API budget (the fixed window REST reads of the same text count against), so a resume
     * cannot make more content-service calls than the user could make over REST. The lookups stop at the first one
     * over the budget (an {@code error RATE_LIMIT_EXCEEDED} with {@code retryAfter}).
     */
    private Reply resume(SyncSession session, JsonNode data, String requestId) {
        JsonNode projects = data.get("projects");
        int max = config.ws().resumeMaxProjects();
        if (projects == null || !projects.isArray() || projects.size() > max) {
            return Reply.error(
                    "VALIDATION_ERROR",
                    "sync:resume needs data.projects: [{projectId, version}] (at most " + max + ")",
                    requestId);
        }
        int checked = 0;
        int updated = 0;
        for (JsonNode p : projects) {
            String projectId = SyncMessages.text(p, "projectId");
            Integer version = SyncMessages.integer(p, "version");
            if (!SyncMessages.isProjectId(projectId) || version == null) {
                session.emit(
                        "error",
                        errorData("VALIDATION_ERROR", "each project needs projectId (UUID) and version", requestId));
                continue;
            }
            try {
                limits.checkUserBudget(session.userId()).await().atMost(REDIS_WAIT);
            } catch (ApiException e) {
                Map<String, Object> limited = rateLimited(e, requestId);
                limited.put("message", "sync:resume stopped after " + checked + " projects: " + e.getMessage());
                return Reply.of("error", limited);
            }
            checked++;
            ContentClient.Reply reply = content.read(session.identity().token(), projectId, requestId);
            if (reply.status() != 200) {
                session.emit("error", errorData(reply.errorCode(), reply.errorMessage(), requestId));
                continue;
            }
            JsonNode stored = reply.data().path("content");
            if (stored.path("version").asInt() > version) {
                session.emit("sync:update", ContentClient.update(projectId, stored));
                updated++;
            }
        }
        return new Reply("sync:resume", Map.of("checked", checked, "updated", updated), true);
    }

    private static Map<String, Object> rateLimited(ApiException e, String requestId) {
        Map<String, Object> data = errorData(e.code().name(), e.getMessage(), requestId);
        if (e.details() != null) {
            data.put("retryAfter", e.details().get("retryAfter"));
        }
        return data;
    }

    public static String cookieToken(String cookieHeader) {
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

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
