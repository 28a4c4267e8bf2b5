package com.writerstree.gateway.domain.sync;

import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.auth.EdgeAuthenticator;
import com.writerstree.gateway.domain.auth.Revocations;
import com.writerstree.gateway.domain.limits.ConnectionCap;
import com.writerstree.gateway.domain.sync.SyncService.AuthResult;
import com.writerstree.gateway.domain.sync.SyncService.Reply;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The connection flow of a sync session: authentication (the handshake's {@code auth_token} cookie or an
 * {@code authenticate} message; a later one of the same user refreshes the token), the revocation check exactly as
 * REST does it, and admission under the per-user connection cap (over every replica and both transports).
 */
@ApplicationScoped
public class SyncAuthentication {

    private final SyncSessions sessions;
    private final EdgeAuthenticator authenticator;
    private final Revocations revocations;
    private final ConnectionCap cap;
    private final GatewayConfig config;

    SyncAuthentication(
            SyncSessions sessions,
            EdgeAuthenticator authenticator,
            Revocations revocations,
            ConnectionCap cap,
            GatewayConfig config) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.revocations = revocations;
        this.cap = cap;
        this.config = config;
    }

    /**
     * Authenticates by the {@code auth_token} cookie of the handshake, when the request's {@code Origin} is absent or
     * allowed (a foreign page must not ride on the browser's cookie). Returns null when there is no cookie.
     */
    AuthResult byCookie(SyncSession session, String cookieHeader, String origin, String requestId) {
        String cookie = cookieToken(cookieHeader);
        if (cookie == null) {
            return null;
        }
        if (origin != null && !config.cors().origins().contains(origin)) {
            return new AuthResult(
                    null,
                    SyncService.errorData("FORBIDDEN", "Origin not allowed for cookie authentication", requestId),
                    0);
        }
        return authenticate(session, cookie, session.patches(), requestId);
    }

    /** Verifies the JWT and checks revocation exactly as REST does; admits the session under the per-user cap. */
    AuthResult authenticate(SyncSession session, String token, boolean patches, String requestId) {
        JsonWebToken jwt;
        try {
            jwt = authenticator.verify(token);
            revocations.check(jwt).await().atMost(SyncService.REDIS_WAIT);
        } catch (ApiException e) {
            int close = e.code() == ErrorCode.EXTERNAL_SERVICE_ERROR ? 0 : SyncSessions.CLOSE_AUTH;
            return new AuthResult(null, SyncService.errorData(e.code().name(), e.getMessage(), requestId), close);
        } catch (RuntimeException e) {
            return new AuthResult(
                    null,
                    SyncService.errorData(
                            "EXTERNAL_SERVICE_ERROR", "Authentication is temporarily unavailable", requestId),
                    0);
        }
        String previous = session.userId();
        if (previous != null && !previous.equals(jwt.getSubject())) {
            return new AuthResult(
                    null, SyncService.errorData("FORBIDDEN", "This connection belongs to another user", requestId), 0);
        }
        if (previous == null) {
            int max = config.ws().maxConnectionsPerUser();
            boolean admitted = cap.admit(jwt.getSubject(), session.id(), max, SyncService.CAP_STALE)
                    .await()
                    .atMost(SyncService.REDIS_WAIT);
            if (!admitted) {
                return new AuthResult(
                        null,
                        SyncService.errorData(
                                "TOO_MANY_CONNECTIONS",
                                "At most " + max + " open sync connections per user; close another device or tab",
                                requestId),
                        SyncService.CLOSE_TOO_MANY);
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
    Reply settle(SyncSession session, AuthResult result) {
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
}
