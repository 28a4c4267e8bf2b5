package com.writerstree.identity.auth;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.verification.OneTimeTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Per-account brute-force protection (the per-IP limit is the gateway's). Counts consecutive failed password
 * logins per SHA-256 of the normalized email — for unknown emails exactly as for known ones, so a lock tells
 * nothing about which emails have accounts — and locks the address per {@link LockoutPolicy}. Redis keys:
 * {@code identity:login-failures:<sha256>} (counter, forgotten after {@code identity.lockout.failure-reset})
 * and {@code identity:login-lock:<sha256>} (present while locked, TTL = the lock).
 */
@ApplicationScoped
public class LoginLockout {

    static final String FAILURES_PREFIX = "identity:login-failures:";
    static final String LOCK_PREFIX = "identity:login-lock:";

    private static final Logger LOG = Logger.getLogger(LoginLockout.class);

    @Inject
    RedisDataSource redis;

    @Inject
    IdentityConfig config;

    /**
     * The seconds until the address is unlocked, when it is locked. Fails open: without Redis there is no
     * lockout (sign-in keeps working; the gateway's per-IP limit and bcrypt's cost still slow guessing down).
     */
    public OptionalLong lockedFor(String normalizedEmail) {
        try {
            // plain TTL: -2 when the key does not exist (the typed ttl() throws for a missing key)
            long ttl = redis.execute("TTL", LOCK_PREFIX + key(normalizedEmail)).toLong();
            return ttl > 0 ? OptionalLong.of(ttl) : OptionalLong.empty();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Login lockout unavailable (%s); not enforced", e.getClass().getSimpleName());
            return OptionalLong.empty();
        }
    }

    /** Counts a failed login; returns the lock it caused (zero below the threshold, or without Redis). */
    public Duration recordFailure(String normalizedEmail) {
        try {
            return count(normalizedEmail);
        } catch (RuntimeException e) {
            LOG.warnf("Login failure not counted (%s)", e.getClass().getSimpleName());
            return Duration.ZERO;
        }
    }

    private Duration count(String normalizedEmail) {
        String key = key(normalizedEmail);
        IdentityConfig.Lockout policy = config.lockout();
        long failures = redis.value(String.class).incr(FAILURES_PREFIX + key);
        redis.key().expire(FAILURES_PREFIX + key, policy.failureReset().toSeconds());
        Duration lock = LockoutPolicy.lockAfter(failures, policy.threshold(), policy.initialWait(), policy.maxWait());
        if (!lock.isZero()) {
            redis.value(String.class).setex(LOCK_PREFIX + key, lock.toSeconds(), "1");
            // the hash only: the address itself is personal data
            LOG.warnf(
                    "Login locked for %d s after %d consecutive failures (account key %s)",
                    lock.toSeconds(), failures, key.substring(0, 12));
        }
        return lock;
    }

    /** Forgets failures and lifts a lock: after a successful login or a password reset. */
    public void clear(String normalizedEmail) {
        String key = key(normalizedEmail);
        try {
            redis.key().del(FAILURES_PREFIX + key, LOCK_PREFIX + key);
        } catch (RuntimeException e) {
            LOG.warnf("Login lockout not cleared (%s)", e.getClass().getSimpleName());
        }
    }

    private static String key(String normalizedEmail) {
        return OneTimeTokens.hash(normalizedEmail);
    }
}
