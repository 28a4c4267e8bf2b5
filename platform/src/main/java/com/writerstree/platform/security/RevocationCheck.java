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
 *
 * <p>A cached "not revoked" answer is trusted only while that subscription is in place: from the moment it is seen
 * lost every request asks Redis again, and when it is back every earlier such answer is asked again (revocations of
 * the gap were not heard; the earlier answers still count for the outage grace). An answer read before a revocation
 * and delivered after it is not kept ({@link RevocationCache}'s epoch). So with the subscription live a logout is
 * seen as soon as its message arrives, whatever the ttl; the ttl bounds only a message lost on a connection that
 * still looks alive.
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
    private volatile DurableSubscription subscription;

    public RevocationCheck(ReactiveRedisDataSource redis, RevocationConfig config) {
        this.redis = redis;
        this.config = config;
        this.cache = new RevocationCache(config.cacheTtl(), config.outageGrace(), config.maxEntries());
    }

    void listen(@Observes StartupEvent ignored, Vertx vertx) {
        if (config.enabled()) {
            subscription = DurableSubscription.start(
                    redis,
                    vertx,
                    RevocationKeys.CHANNEL,
                    this::onRevocation,
                    () -> cache.distrustAnswersBefore(Instant.now()));
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
        if (Boolean.FALSE.equals(known) && !listening()) {
            known = null; // revocations may be going unheard: ask Redis
        }
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
     * of each taking a pooled connection. Only requests of the same epoch share one: a request arriving after a
     * revocation was heard does not ride on a lookup started before it.
     */
    private Uni<Boolean> lookup(String tokenKey, JsonWebToken jwt) {
        long epoch = cache.epoch();
        return inFlight.share(tokenKey + "@" + epoch, () -> {
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
                        cache.record(tokenKey, jwt.getSubject(), revoked, Instant.now(), epoch);
                        return revoked;
                    });
        });
    }

    /**
     * Whether revocations published on {@code auth:revocations} reach this process now (true when checks are off):
     * only then is a cached "not revoked" answer trusted.
     */
    public boolean listening() {
        DurableSubscription current = subscription;
        return current == null ? !config.enabled() : current.live();
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
