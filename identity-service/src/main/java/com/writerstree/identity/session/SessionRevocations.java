package com.writerstree.identity.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The revocation contract shared with sync-gateway (README, "Revocation"): Redis keys
 * {@code auth:revoked:<jti>} (one session, until the token's exp) and {@code auth:revoked-before:<userId>}
 * (every session of a user with {@code iat} strictly before the stored epoch second), each write followed by a
 * {@code PUBLISH auth:revocations} so gateways can close that user's WebSockets.
 */
@ApplicationScoped
public class SessionRevocations {

    public static final String REVOKED_PREFIX = "auth:revoked:";
    public static final String REVOKED_BEFORE_PREFIX = "auth:revoked-before:";
    public static final String CHANNEL = "auth:revocations";
    /** Longer than the longest session (7 days), so a user-wide revocation outlives every token it hits. */
    static final long REVOKED_BEFORE_TTL_SECONDS = Duration.ofDays(8).toSeconds();

    private static final Logger LOG = Logger.getLogger(SessionRevocations.class);

    @Inject
    RedisDataSource redis;

    @Inject
    ObjectMapper json;

    /** Revokes one session until its token expires. */
    public void revoke(String jti, UUID userId, Instant expiresAt) {
        long seconds = Math.max(1, Duration.between(Instant.now(), expiresAt).toSeconds());
        values().setex(REVOKED_PREFIX + jti, seconds, "1");
        publish(jti, userId, null);
        LOG.infof("Session %s of user %s revoked", jti, userId);
    }

    /**
     * Revokes every session of the user issued before now (second precision). Tokens issued from now on carry
     * {@code iat >= now} and stay valid, because verifiers reject only {@code iat < revokedBefore}.
     */
    public void revokeAll(UUID userId) {
        long now = Instant.now().getEpochSecond();
        values().setex(REVOKED_BEFORE_PREFIX + userId, REVOKED_BEFORE_TTL_SECONDS, Long.toString(now));
        publish(null, userId, now);
        LOG.infof("All sessions of user %s issued before %d revoked", userId, now);
    }

    /** Whether the token with this id, subject and issue time (epoch seconds) was revoked. */
    public boolean isRevoked(String jti, UUID userId, long issuedAt) {
        if (jti != null && redis.key().exists(REVOKED_PREFIX + jti)) {
            return true;
        }
        String before = values().get(REVOKED_BEFORE_PREFIX + userId);
        if (before == null) {
            return false;
        }
        try {
            return issuedAt < Long.parseLong(before.strip());
        } catch (NumberFormatException e) {
            return true; // a value we cannot read must not let a maybe-revoked session through
        }
    }

    /** Throws 401 INVALID_TOKEN when the session was revoked. */
    public void requireActive(String jti, UUID userId, long issuedAt) {
        if (isRevoked(jti, userId, issuedAt)) {
            throw new ApiException(ErrorCode.INVALID_TOKEN);
        }
    }

    private void publish(String jti, UUID userId, Long revokedBefore) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jti", jti);
        message.put("userId", userId.toString());
        message.put("revokedBefore", revokedBefore);
        try {
            redis.pubsub(String.class).publish(CHANNEL, json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ValueCommands<String, String> values() {
        return redis.value(String.class);
    }
}
