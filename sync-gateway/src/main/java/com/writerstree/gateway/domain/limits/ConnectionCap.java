package com.writerstree.gateway.domain.limits;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * The per-user cap on open sync connections, shared by every replica and both transports: a sorted set
 * {@code sync:conns:<userId>} of connection ids scored by their last heartbeat (Redis time). Entries not refreshed
 * for {@code stale} (a replica that died) no longer count. Fails open when Redis is unreachable, like the other
 * limits (the revocation check already refuses authentication then).
 */
@ApplicationScoped
public class ConnectionCap {

    public static final String PREFIX = "sync:conns:";
    private static final Logger LOG = Logger.getLogger(ConnectionCap.class);

    /** ARGV: connection id, cap, stale ms. Returns 1 when admitted (or already present), 0 when over the cap. */
    static final String ADMIT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))
            if redis.call('ZSCORE', KEYS[1], ARGV[1]) == false
                and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
              return 0
            end
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
            return 1
            """;

    /** ARGV: stale ms, connection ids...: refreshes the given members that still exist. */
    static final String REFRESH = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now, ARGV[i]) end
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) * 2)
            return 1
            """;

    private final ReactiveRedisDataSource redis;

    ConnectionCap(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<Boolean> admit(String userId, String connectionId, int cap, Duration stale) {
        return redis.execute("EVAL", ADMIT, "1", PREFIX + userId, connectionId, Integer.toString(cap), millis(stale))
                .map(r -> r.toLong() == 1)
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("Connection cap not checked (Redis unavailable: %s); admitting", failure.toString());
                    return true;
                });
    }

    public void refresh(String userId, Collection<String> connectionIds, Duration stale) {
        if (connectionIds.isEmpty()) {
            return;
        }
        String[] rest = new String[connectionIds.size() + 1];
        rest[0] = millis(stale);
        int i = 1;
        for (String id : connectionIds) {
            rest[i++] = id;
        }
        String[] all = new String[3 + rest.length];
        all[0] = REFRESH;
        all[1] = "1";
        all[2] = PREFIX + userId;
        System.arraycopy(rest, 0, all, 3, rest.length);
        redis.execute("EVAL", all)
                .subscribe()
                .with(ok -> {}, f -> LOG.debugf("Connection cap refresh failed: %s", f.toString()));
    }

    public void release(String userId, String connectionId) {
        redis.execute("ZREM", PREFIX + userId, connectionId)
                .subscribe()
                .with(ok -> {}, f -> LOG.debugf("Connection cap release failed: %s", f.toString()));
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }
}
