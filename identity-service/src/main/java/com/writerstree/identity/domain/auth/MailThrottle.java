package com.writerstree.identity.domain.auth;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** At most one mail of a kind per address per interval: {@code SET identity:<kind>:<sha256(email)> 1 EX <s> NX}. */
@ApplicationScoped
public class MailThrottle {

    private final RedisDataSource redis;

    public MailThrottle(RedisDataSource redis) {
        this.redis = redis;
    }

    /** Whether a mail of this kind may go to the address now (and claims the slot if so). */
    public boolean claim(String kind, String normalizedEmail, Duration interval) {
        String key = "identity:" + kind + ":" + OneTimeTokens.hash(normalizedEmail);
        return redis.execute("SET", key, "1", "EX", Long.toString(Math.max(1, interval.toSeconds())), "NX") != null;
    }
}
