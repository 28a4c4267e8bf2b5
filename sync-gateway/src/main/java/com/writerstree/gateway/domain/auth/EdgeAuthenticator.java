package com.writerstree.gateway.domain.auth;

import com.writerstree.gateway.client.Upstream;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * The JWT check at the edge (spec §3.2): the token comes from the {@code auth_token} cookie (preferred) or
 * {@code Authorization: Bearer}, and is verified with the suite's shared smallrye-jwt settings (identity's JWKS,
 * issuer, RS256). Verification may fetch the JWKS, so it runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    public static final String COOKIE = "auth_token";

    private static final Logger LOG = Logger.getLogger(EdgeAuthenticator.class);

    @Inject
    JWTParser parser;

    /** Verifies the request's token; fails with an {@link ApiException} (401, or 503 when the keys are unreachable). */
    public Future<JsonWebToken> authenticate(RoutingContext rc) {
        Optional<String> token = token(rc.request());
        if (token.isEmpty()) {
            return Future.failedFuture(new ApiException(ErrorCode.AUTHENTICATION_REQUIRED));
        }
        return rc.vertx().executeBlocking(() -> verify(token.get()), false);
    }

    /** Verifies a raw token (blocking: may fetch the JWKS); fails with an {@link ApiException}. */
    public JsonWebToken verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw classify(e);
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        }
        return jwt;
    }

    static Optional<String> token(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        return token(cookie == null ? null : cookie.getValue(), request.getHeader("Authorization"));
    }

    /** The token to verify: the cookie when it has a value, else a Bearer credential, else none. */
    public static Optional<String> token(String cookieValue, String authorization) {
        if (cookieValue != null && !cookieValue.isBlank()) {
            return Optional.of(cookieValue.trim());
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String credential = authorization.substring(7).trim();
            return credential.isEmpty() ? Optional.empty() : Optional.of(credential);
        }
        return Optional.empty();
    }

    /** Expired -> TOKEN_EXPIRED; keys unreachable -> EXTERNAL_SERVICE_ERROR; anything else -> INVALID_TOKEN. */
    static ApiException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return new ApiException(ErrorCode.TOKEN_EXPIRED);
            }
            if (t instanceof IOException) {
                LOG.warnf("Token keys unavailable: %s", t.toString());
                return new ApiException(
                        ErrorCode.EXTERNAL_SERVICE_ERROR,
                        ErrorCode.EXTERNAL_SERVICE_ERROR.defaultMessage(),
                        Map.of("service", Upstream.IDENTITY.serviceName()));
            }
        }
        LOG.debugf("Token rejected: %s", failure.getMessage());
        return new ApiException(ErrorCode.INVALID_TOKEN);
    }
}
