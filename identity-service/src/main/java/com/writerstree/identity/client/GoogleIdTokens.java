package com.writerstree.identity.client;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.jboss.logging.Logger;
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

    @Inject
    IdentityConfig config;

    private JwtConsumer consumer;

    @PostConstruct
    void init() {
        config.google().clientId().filter(id -> !id.isBlank()).ifPresent(clientId -> {
            HttpsJwks jwks = new HttpsJwks(config.google().jwksUrl());
            jwks.setDefaultCacheDuration(config.google().keyCacheDuration().toSeconds());
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

    /** The holder of a valid ID token; 401 INVALID_TOKEN for any invalid one, 503 when sign-in is off. */
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
                throw new ApiException(
                        ErrorCode.EXTERNAL_SERVICE_ERROR, "Google sign-in is unavailable, try again later");
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
