package com.writerstree.gateway.domain.auth;

import com.writerstree.gateway.client.Upstream;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.VerifiedTokens;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
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

    private final JWTParser parser;
    private final VerifiedTokens verified;

    /**
     * A circuit breaker on identity's JWKS: once fetching the keys keeps failing, tokens that would need a fetch fail
     * at once with 503 for a while instead of each waiting for identity-service (SmallRye Fault Tolerance). Only
     * "keys unavailable" counts as a failure; an invalid or expired token is a success for the breaker.
     */
    private final TypedGuard<JsonWebToken> keys;

    EdgeAuthenticator(JWTParser parser, VerifiedTokens verified, GatewayConfig config) {
        this.parser = parser;
        this.verified = verified;
        GatewayConfig.CircuitBreaker breaker = config.client().circuitBreaker();
        this.keys = TypedGuard.create(JsonWebToken.class)
                .withDescription("gateway -> identity-service JWKS")
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .when(EdgeAuthenticator::keysUnavailable)
                .done()
                .build();
    }

    /** Verifies the request's token; fails with an {@link ApiException} (401, or 503 when the keys are unreachable). */
    public Future<JsonWebToken> authenticate(RoutingContext rc) {
        Optional<String> token = token(rc.request());
        if (token.isEmpty()) {
            return Future.failedFuture(new ApiException(ErrorCode.AUTHENTICATION_REQUIRED));
        }
        // a token verified a moment ago (every autosave of a writer carries the same one) is answered on the event
        // loop; only a token not seen yet goes to a worker thread for the signature check (and maybe a JWKS fetch)
        Optional<JsonWebToken> known = verified.known(token.get());
        if (known.isPresent() && hasSubject(known.get())) {
            return Future.succeededFuture(known.get());
        }
        return rc.vertx().executeBlocking(() -> verify(token.get()), false);
    }

    /** Verifies a raw token (blocking: may fetch the JWKS); fails with an {@link ApiException}. */
    public JsonWebToken verify(String token) {
        try {
            return keys.call(() -> parse(token));
        } catch (ApiException e) {
            throw e;
        } catch (CircuitBreakerOpenException e) {
            throw identityUnavailable();
        } catch (Exception e) {
            throw classify(e);
        }
    }

    private static boolean keysUnavailable(Throwable failure) {
        return failure instanceof ApiException api && api.code() == ErrorCode.EXTERNAL_SERVICE_ERROR;
    }

    private static ApiException identityUnavailable() {
        return new ApiException(
                ErrorCode.EXTERNAL_SERVICE_ERROR,
                ErrorCode.EXTERNAL_SERVICE_ERROR.defaultMessage(),
                Map.of("service", Upstream.IDENTITY.serviceName()));
    }

    private JsonWebToken parse(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw classify(e);
        }
        if (!hasSubject(jwt)) {
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        }
        return jwt;
    }

    private static boolean hasSubject(JsonWebToken jwt) {
        return jwt.getSubject() != null && !jwt.getSubject().isBlank();
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
                return identityUnavailable();
            }
        }
        LOG.debugf("Token rejected: %s", failure.getMessage());
        return new ApiException(ErrorCode.INVALID_TOKEN);
    }
}
