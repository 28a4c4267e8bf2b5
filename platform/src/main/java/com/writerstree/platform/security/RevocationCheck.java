package com.writerstree.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.redis.DurableSubscription;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Whether a verified session token was revoked (logout, password reset): one MGET of the two contract keys
 * ({@link RevocationKeys}), answers cached per token ({@link RevocationCache}, {@code writerstree.revocation.*}).
 *
 * <p>Redis unreachable: revocation fails <b>closed</b> for tokens the service has not seen recently (503
 * EXTERNAL_SERVICE_ERROR in the envelope, {@code details.service = "redis"}), and a token found not revoked within
 * the outage grace keeps working, so a writer in the middle of a session keeps saving while Redis restarts. A
 * logout during the outage cannot be written anyway (identity answers 500/503 to it). A revocation published on
 * {@code auth:revocations} (identity publishes each one) makes this process forget what it knew about the user's
 * tokens at once, so a token logged out just before an outage is not let through during it on the strength of an
 * older "not revoked" answer. The subscription is taken again after Redis restarts ({@link DurableSubscription}).
 */
@ApplicationScoped
public class RevocationCheck {

    public static final String REVOKED_MESSAGE = "Session has been revoked";

    private static final Logger LOG = Logger.getLogger(RevocationCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReactiveRedisDataSource redis;
    private final RevocationConfig config;
    private final RevocationCache cache;
    private final SharedLookups<String, Boolean> inFlight = new SharedLookups<>();

    public RevocationCheck(ReactiveRedisDataSource redis, RevocationConfig config) {
        this.redis = redis;
        this.config = config;
        this.cache = new RevocationCache(config.cacheTtl(), config.outageGrace(), config.maxEntries());
    }

    void listen(@Observes StartupEvent ignored, Vertx vertx) {
        if (config.enabled()) {
            DurableSubscription.start(redis, vertx, RevocationKeys.CHANNEL, this::onRevocation);
        }
    }

    /** A revocation published by identity-service ({@code {"jti","userId","revokedBefore"}}): forget the user's tokens. */
    void onRevocation(String payload) {
        try {
            JsonNode message = JSON.readTree(payload);
            String userId =
                    message.path("userId").isTextual() ? message.get("userId").asText() : null;
            String jti = message.path("jti").isTextual() ? message.get("jti").asText() : null;
            cache.forget(jti, userId);
        } catch (Exception e) {
            LOG.warnf("Unreadable revocation message ignored: %s", e.getClass().getSimpleName());
        }
    }

    /** Completes when the token is not revoked; fails with an {@link ApiException} (401 or 503) otherwise. */
    public Uni<Void> requireActive(JsonWebToken jwt) {
        String tokenKey = tokenKey(jwt);
        Boolean known = cache.fresh(tokenKey, Instant.now());
        if (known != null) {
            return known
                    ? Uni.createFrom().failure(revoked())
                    : Uni.createFrom().voidItem();
        }
        return lookup(tokenKey, jwt).onItemOrFailure().transformToUni((revoked, failure) -> {
            if (failure != null) {
                return outage(tokenKey, failure);
            }
            return revoked
                    ? Uni.createFrom().failure(revoked())
                    : Uni.createFrom().voidItem();
        });
    }

    /**
     * One MGET per token at a time: requests arriving with the same token while its check is in flight (a page
     * load, a burst of autosaves, the first seconds after the cached answer expired) share that round trip instead
     * of each taking a pooled connection.
     */
    private Uni<Boolean> lookup(String tokenKey, JsonWebToken jwt) {
        return inFlight.share(tokenKey, () -> {
            String jtiKey = RevocationKeys.revokedKey(jwt.getTokenID());
            String userKey = RevocationKeys.revokedBeforeKey(jwt.getSubject());
            return redis.value(String.class)
                    .mget(jtiKey, userKey)
                    .ifNoItem()
                    .after(config.timeout())
                    .fail()
                    .map(values -> {
                        boolean revoked = RevocationKeys.isRevoked(
                                values.get(jtiKey), values.get(userKey), jwt.getIssuedAtTime());
                        cache.record(tokenKey, jwt.getSubject(), revoked, Instant.now());
                        return revoked;
                    });
        });
    }

    /**
     * Forgets cached answers after a revocation written in this process (identity-service), so that its own
     * endpoints see a logout at once; other processes see it within {@code cache-ttl}.
     */
    public void forget(String jti, String userId) {
        cache.forget(jti, userId);
    }

    private Uni<Void> outage(String tokenKey, Throwable failure) {
        if (cache.activeWithinGrace(tokenKey, Instant.now())) {
            LOG.warnf(
                    "Revocation check impossible (Redis: %s); token checked recently, accepted",
                    failure.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        }
        LOG.warnf(
                "Revocation check impossible (Redis: %s); refusing the request",
                failure.getClass().getSimpleName());
        return Uni.createFrom()
                .failure(new ApiException(
                        ErrorCode.EXTERNAL_SERVICE_ERROR,
                        ErrorCode.EXTERNAL_SERVICE_ERROR.defaultMessage(),
                        Map.of("service", "redis")));
    }

    private static String tokenKey(JsonWebToken jwt) {
        String jti = jwt.getTokenID();
        return jti == null || jti.isBlank() ? jwt.getSubject() + "@" + jwt.getIssuedAtTime() : jti;
    }

    private static ApiException revoked() {
        return new ApiException(ErrorCode.INVALID_TOKEN, REVOKED_MESSAGE);
    }
}
