package com.writerstree.identity.client;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Verifies Google ID tokens (jose4j, which smallrye-jwt brings): RS256 signature against Google's JWKS
 * ({@code identity.google.jwks-url}, cached per Cache-Control or 1 h, refetched on an unknown kid), {@code iss}
 * accounts.google.com, {@code aud} = our client id, {@code exp} in the future (60 s leeway), and a verified email.
 */
@ApplicationScoped
public class GoogleIdTokens {

    /** What a verified Google ID token says about its holder. */
    /** {@code issuedAt} ({@code iat}, null when absent) lets account deletion demand a fresh sign-in. */
    public record GoogleIdentity(String googleId, String email, String name, java.time.Instant issuedAt) {}

    private static final Logger LOG = Logger.getLogger(GoogleIdTokens.class);
    private static final int LEEWAY_SECONDS = 60;

    /** Google's keys could not be fetched: 503, and a failure for the circuit breaker (an invalid token is not). */
    public static final class Unavailable extends ApiException {
        Unavailable() {
            super(ErrorCode.EXTERNAL_SERVICE_ERROR, "Google sign-in is unavailable, try again later");
        }
    }

    private final IdentityConfig config;
    private JwtConsumer consumer;

    public GoogleIdTokens(IdentityConfig config) {
        this.config = config;
    }

    @PostConstruct
    void init() {
        config.google().clientId().filter(id -> !id.isBlank()).ifPresent(clientId -> {
            HttpsJwks jwks = new HttpsJwks(config.google().jwksUrl());
            jwks.setDefaultCacheDuration(config.google().keyCacheDuration().toSeconds());
            // the key fetch (a GET, idempotent: jose4j retries it once) is bounded by the connection's own timeouts
            // and, as a whole, by @Timeout below
            Get get = new Get();
            get.setConnectTimeout(2000);
            get.setReadTimeout(3000);
            get.setRetries(1);
            jwks.setSimpleHttpGet(get);
            consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(LEEWAY_SECONDS)
                    .setExpectedIssuers(true, "accounts.google.com", "https://accounts.google.com")
                    .setExpectedAudience(clientId)
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                    .build();
        });
    }

    /**
     * The holder of a valid ID token; 401 INVALID_TOKEN for any invalid one, 503 when sign-in is off or Google's keys
     * cannot be fetched. A key fetch that hangs is cut after 5 s; after 3 unavailable answers out of the last 4 the
     * breaker answers 503 at once for 10 s (keys in the cache keep verifying only while it is closed).
     */
    @Timeout(5000)
    @CircuitBreaker(
            failOn = {Unavailable.class, TimeoutException.class},
            requestVolumeThreshold = 4,
            failureRatio = 0.75,
            delay = 10_000)
    @Fallback(
            fallbackMethod = "unavailable",
            applyOn = {TimeoutException.class, CircuitBreakerOpenException.class})
    public GoogleIdentity verify(String idToken) {
        if (consumer == null) {
            throw new ApiException(ErrorCode.EXTERNAL_SERVICE_ERROR, "Google sign-in is not configured");
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(idToken);
        } catch (InvalidJwtException e) {
            if (causedByIo(e)) {
                LOG.warnf(
                        "Google's keys could not be fetched (%s)", e.getClass().getSimpleName());
                throw new Unavailable();
            }
            // never log the token or the exception text (it quotes the claims)
            LOG.infof(
                    "Google ID token refused (%d error(s))", e.getErrorDetails().size());
            throw invalid();
        }
        try {
            Object verified = claims.getClaimValue("email_verified");
            String email = claims.getStringClaimValue("email");
            if (email == null || !(Boolean.TRUE.equals(verified) || "true".equals(verified))) {
                throw new ApiException(ErrorCode.INVALID_TOKEN, "The Google account has no verified email");
            }
            java.time.Instant issuedAt = claims.getIssuedAt() == null
                    ? null
                    : java.time.Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            return new GoogleIdentity(claims.getSubject(), email, claims.getStringClaimValue("name"), issuedAt);
        } catch (MalformedClaimException e) {
            throw invalid();
        }
    }

    /** Cut at the timeout, or the breaker is open: the §7.1 envelope's 503 like any unavailable upstream. */
    GoogleIdentity unavailable(String idToken) {
        LOG.warn("Google sign-in answered 503: Google's keys timed out or the circuit breaker is open");
        throw new Unavailable();
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_TOKEN, "Invalid Google token");
    }
}
