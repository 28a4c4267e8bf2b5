package com.writerstree.gateway.domain.limits;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The gateway's limits, kept in Redis so that every replica shares them. Each check is one Lua script (one round
 * trip, atomic). When Redis cannot be reached a limit lets the request through (fail open, logged): limits protect
 * the services, and the revocation check (fail closed) already refuses authenticated traffic in that case.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** Fixed window: INCR, PEXPIRE on the first hit; returns {count, pttl}. */
    static final String FIXED_WINDOW = """
            local c = redis.call('INCR', KEYS[1])
            if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {c, ttl}
            """;

    /** Token bucket in a hash {tokens, ts}; ARGV rate per second, burst; time from Redis; returns {allowed, waitMs}. */
    static final String TOKEN_BUCKET = """
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1])
            local ts = tonumber(state[2])
            if tokens == nil or ts == nil then tokens = burst; ts = now end
            tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
            return {allowed, wait}
            """;

    /**
     * Forgets every rate-limit key naming the user ({@code rl:user:<id>}, {@code rl:save:<id>:<project>}, ...): a purged
     * account (UserPurged) leaves no Redis key behind. Returns how many keys went; Redis errors give 0 (the keys
     * expire with their window anyway).
     */
    public Uni<Integer> forgetUser(String userId) {
        return redis.key()
                .scan(new io.quarkus.redis.datasource.keys.KeyScanArgs()
                        .match("rl:*" + userId + "*")
                        .count(500))
                .toMulti()
                .collect()
                .asList()
                .chain(keys ->
                        keys.isEmpty() ? Uni.createFrom().item(0) : redis.key().del(keys.toArray(String[]::new)))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "Rate-limit keys of a purged user not deleted (%s)",
                            failure.getClass().getSimpleName());
                    return 0;
                });
    }

    /** Outcome of one check; {@code retryAfterSeconds} is meaningful when not allowed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        public static final Decision ALLOW = new Decision(true, 0);
    }

    private final ReactiveRedisDataSource redis;

    RateLimiter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<Decision> window(String key, int max, Duration window) {
        return redis.execute("EVAL", FIXED_WINDOW, "1", key, Long.toString(window.toMillis()))
                .map(r -> {
                    long count = r.get(0).toLong();
                    long ttl = r.get(1).toLong();
                    return count <= max ? Decision.ALLOW : new Decision(false, Math.max(1, (ttl + 999) / 1000));
                })
                .onFailure()
                .recoverWithItem(failure -> failOpen(key, failure));
    }

    public Uni<Decision> bucket(String key, double ratePerSecond, int burst) {
        return redis.execute("EVAL", TOKEN_BUCKET, "1", key, Double.toString(ratePerSecond), Integer.toString(burst))
                .map(RateLimiter::bucketDecision)
                .onFailure()
                .recoverWithItem(failure -> failOpen(key, failure));
    }

    private static Decision bucketDecision(Response r) {
        boolean allowed = r.get(0).toLong() == 1;
        long waitMs = r.get(1).toLong();
        return allowed ? Decision.ALLOW : new Decision(false, Math.max(1, (waitMs + 999) / 1000));
    }

    private static Decision failOpen(String key, Throwable failure) {
        LOG.warnf(
                "Rate limit %s not checked (Redis unavailable: %s); letting the request through",
                key.replaceAll(":[^:]*$", ":*"), failure.toString());
        return Decision.ALLOW;
    }
}
