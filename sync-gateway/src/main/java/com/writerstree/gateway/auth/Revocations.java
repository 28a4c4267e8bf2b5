package com.writerstree.gateway.auth;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.RevocationCheck;
import com.writerstree.platform.security.RevocationKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The revocation contract written by identity-service: {@code auth:revoked:<jti>} exists -> that token is revoked;
 * {@code auth:revoked-before:<userId>} = epoch seconds -> the user's tokens issued before it are revoked. Both are
 * read with one MGET. Redis unreachable -> fail closed (503 EXTERNAL_SERVICE_ERROR): a logged-out token must never
 * work again, even during a Redis outage.
 */
@ApplicationScoped
public class Revocations {

    // the contract's names live once, in platform (identity writes them, every service reads them)
    public static final String REVOKED_PREFIX = RevocationKeys.REVOKED_PREFIX;
    public static final String REVOKED_BEFORE_PREFIX = RevocationKeys.REVOKED_BEFORE_PREFIX;
    public static final String CHANNEL = RevocationKeys.CHANNEL;
    public static final String MESSAGE = RevocationCheck.REVOKED_MESSAGE;

    private static final Logger LOG = Logger.getLogger(Revocations.class);

    @Inject
    ReactiveRedisDataSource redis;

    /** Completes with the token when it is not revoked; fails with an {@link ApiException} otherwise. */
    public Uni<JsonWebToken> check(JsonWebToken jwt) {
        String jti = jwt.getTokenID();
        String jtiKey = RevocationKeys.revokedKey(jti);
        String userKey = RevocationKeys.revokedBeforeKey(jwt.getSubject());
        return redis.value(String.class)
                .mget(jtiKey, userKey)
                .onFailure()
                .transform(failure -> {
                    LOG.warnf(
                            "Revocation check impossible (Redis unavailable: %s); refusing the request",
                            failure.toString());
                    return new ApiException(
                            ErrorCode.EXTERNAL_SERVICE_ERROR,
                            ErrorCode.EXTERNAL_SERVICE_ERROR.defaultMessage(),
                            Map.of("service", "redis"));
                })
                .map(values -> {
                    if (isRevoked(values.get(jtiKey), values.get(userKey), jwt.getIssuedAtTime())) {
                        throw new ApiException(ErrorCode.INVALID_TOKEN, MESSAGE);
                    }
                    return jwt;
                });
    }

    /** The contract's rule ({@link RevocationKeys#isRevoked}); kept here for the gateway's callers. */
    public static boolean isRevoked(String jtiEntry, String revokedBefore, long issuedAtEpochSeconds) {
        return RevocationKeys.isRevoked(jtiEntry, revokedBefore, issuedAtEpochSeconds);
    }
}
