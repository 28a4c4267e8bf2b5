package com.writerstree.identity.domain.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.security.RevocationCheck;
import com.writerstree.platform.security.RevocationKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes the revocation contract ({@link RevocationKeys}, read by every service through platform's
 * RevocationAugmentor and by sync-gateway): Redis keys
 * {@code auth:revoked:<jti>} (one session, until the token's exp) and {@code auth:revoked-before:<userId>}
 * (every session of a user with {@code iat} strictly before the stored epoch second), each write followed by a
 * {@code PUBLISH auth:revocations} so gateways can close that user's WebSockets.
 */
@ApplicationScoped
public class SessionRevocations {

    private static final Logger LOG = Logger.getLogger(SessionRevocations.class);

    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final RevocationCheck check;

    public SessionRevocations(RedisDataSource redis, ObjectMapper json, RevocationCheck check) {
        this.redis = redis;
        this.json = json;
        this.check = check;
    }

    /** Revokes one session until its token expires. */
    public void revoke(String jti, UUID userId, Instant expiresAt) {
        long seconds = Math.max(1, Duration.between(Instant.now(), expiresAt).toSeconds());
        values().setex(RevocationKeys.revokedKey(jti), seconds, "1");
        check.forget(jti, null);
        publish(jti, userId, null);
        LOG.infof("Session %s of user %s revoked", jti, userId);
    }

    /**
     * Revokes every session of the user issued up to and including the current second: the stored value is the
     * next epoch second, and verifiers reject {@code iat < revokedBefore}. A token issued in the same second as the
     * revocation (just before it, by a login racing the reset or the deletion) is therefore revoked too; tokens
     * issued afterwards are given {@code iat >= revokedBefore} by {@link AccountSessions}, which waits out the rest
     * of that second when it signs one for the same user right away.
     */
    public void revokeAll(UUID userId) {
        long revokedBefore = Instant.now().getEpochSecond() + 1;
        values().setex(
                        RevocationKeys.revokedBeforeKey(userId.toString()),
                        RevocationKeys.REVOKED_BEFORE_TTL.toSeconds(),
                        Long.toString(revokedBefore));
        check.forget(null, userId.toString());
        publish(null, userId, revokedBefore);
        LOG.infof("All sessions of user %s issued before %d revoked", userId, revokedBefore);
    }

    /**
     * The first epoch second whose tokens are valid for the user (0 when no user-wide revocation is recorded, or
     * when Redis cannot say: sign-in does not depend on Redis, and a revocation cannot have been written while it
     * is unreachable).
     */
    public long validFrom(UUID userId) {
        try {
            String value = values().get(RevocationKeys.revokedBeforeKey(userId.toString()));
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Revocation floor of user %s unreadable (%s)",
                    userId, e.getClass().getSimpleName());
            return 0;
        }
    }

    private void publish(String jti, UUID userId, Long revokedBefore) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jti", jti);
        message.put("userId", userId.toString());
        message.put("revokedBefore", revokedBefore);
        try {
            redis.pubsub(String.class).publish(RevocationKeys.CHANNEL, json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ValueCommands<String, String> values() {
        return redis.value(String.class);
    }
}
