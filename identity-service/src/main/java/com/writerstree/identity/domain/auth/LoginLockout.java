package com.writerstree.identity.domain.auth;

import com.writerstree.identity.config.IdentityConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/**
 * Brute-force protection of password logins without a lock-anyone-out switch (issue #8): failures are counted per
 * (account, client address), so an attacker's address locks only itself ({@link LockoutPolicy#lockAfter}); the
 * account's failures from all addresses only <em>pace</em> addresses that never signed in to it
 * ({@link LockoutPolicy#paceAfter}), so a guesser spread over many addresses gets about one guess per
 * {@code account-max-delay} while the owner's known addresses are not slowed at all. A password reset (the e-mail
 * unlock) clears everything. Unknown emails are counted exactly like existing ones, so nothing here tells which
 * emails have accounts. Only SHA-256 hashes of the email and the address reach Redis:
 *
 * <ul>
 *   <li>{@code identity:login-failures:<acct>:<addr>} consecutive failures of the pair, {@code
 *       identity:login-lock:<acct>:<addr>} present while the pair is locked, holding
 *       the end of the lock in epoch millis (TTL = the lock);
 *   <li>{@code identity:login-failures:<acct>} failures of the account from all addresses, {@code
 *       identity:login-pace:<acct>} present while unknown addresses must wait,
 *       holding the end of the pause likewise;
 *   <li>{@code identity:login-known:<acct>} set of addresses that signed in successfully.
 * </ul>
 *
 * Counters are forgotten {@code failure-reset} after the last failure.
 */
@ApplicationScoped
public class LoginLockout {

    static final String FAILURES_PREFIX = "identity:login-failures:";
    static final String LOCK_PREFIX = "identity:login-lock:";
    static final String PACE_PREFIX = "identity:login-pace:";
    static final String KNOWN_PREFIX = "identity:login-known:";

    private static final Logger LOG = Logger.getLogger(LoginLockout.class);

    /** Values below are the previous release's presence marker ("1"), not an end time in epoch millis. */
    private static final long LEGACY_MARKER_BELOW = 1_000_000_000_000L;

    private final RedisDataSource redis;
    private final IdentityConfig config;
    private final Clock clock;

    public LoginLockout(RedisDataSource redis, IdentityConfig config, Clock clock) {
        this.redis = redis;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The seconds this address must wait before trying the account again, if any. Fails open: without Redis
     * there is no lockout (sign-in keeps working; the gateway's per-IP limit and bcrypt's cost still slow
     * guessing down).
     */
    public OptionalLong retryAfter(String normalizedEmail, String address) {
        String account = hash(normalizedEmail);
        String pair = account + ":" + hash(address);
        try {
            long locked = secondsLeft(LOCK_PREFIX + pair);
            if (locked > 0) {
                return OptionalLong.of(locked);
            }
            long paced = secondsLeft(PACE_PREFIX + account);
            if (paced > 0 && !redis.set(String.class).sismember(KNOWN_PREFIX + account, hash(address))) {
                return OptionalLong.of(paced);
            }
            return OptionalLong.empty();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Login lockout unavailable (%s); not enforced", e.getClass().getSimpleName());
            return OptionalLong.empty();
        }
    }

    /** Counts a failed login; returns the lock of the pair it caused (zero below the threshold, or without Redis). */
    public Duration recordFailure(String normalizedEmail, String address) {
        try {
            return count(hash(normalizedEmail), hash(address));
        } catch (RuntimeException e) {
            LOG.warnf("Login failure not counted (%s)", e.getClass().getSimpleName());
            return Duration.ZERO;
        }
    }

    private Duration count(String account, String address) {
        IdentityConfig.Lockout policy = config.lockout();
        long forget = policy.failureReset().toSeconds();
        String pair = account + ":" + address;
        long pairFailures = redis.value(String.class).incr(FAILURES_PREFIX + pair);
        redis.key().expire(FAILURES_PREFIX + pair, forget);
        long accountFailures = redis.value(String.class).incr(FAILURES_PREFIX + account);
        redis.key().expire(FAILURES_PREFIX + account, forget);

        Duration lock =
                LockoutPolicy.lockAfter(pairFailures, policy.threshold(), policy.initialWait(), policy.maxWait());
        if (!lock.isZero()) {
            until(LOCK_PREFIX + pair, lock);
            // hashes only: the email and the address are personal data
            LOG.warnf(
                    "Login locked for %d s after %d consecutive failures (account key %s, address key %s)",
                    lock.toSeconds(), pairFailures, account.substring(0, 12), address.substring(0, 12));
        }
        Duration pace = LockoutPolicy.paceAfter(accountFailures, policy.accountCeiling(), policy.accountMaxDelay());
        if (!pace.isZero()) {
            until(PACE_PREFIX + account, pace);
        }
        return lock;
    }

    /**
     * After a successful login: the pair's failures are forgotten and the address becomes known to the account
     * (exempt from the pacing). The account's total is kept: the owner signing in must not hand a guesser
     * elsewhere a fresh budget.
     */
    public void recordSuccess(String normalizedEmail, String address) {
        String account = hash(normalizedEmail);
        String pair = account + ":" + hash(address);
        try {
            redis.key().del(FAILURES_PREFIX + pair, LOCK_PREFIX + pair);
            redis.set(String.class).sadd(KNOWN_PREFIX + account, hash(address));
            redis.key()
                    .expire(
                            KNOWN_PREFIX + account,
                            config.lockout().knownAddressMemory().toSeconds());
        } catch (RuntimeException e) {
            LOG.warnf("Login success not recorded (%s)", e.getClass().getSimpleName());
        }
    }

    /** Forgets everything about the account, also its known addresses: the purge of a deleted account. */
    public void forget(String normalizedEmail) {
        clear(normalizedEmail);
        try {
            redis.key().del(KNOWN_PREFIX + hash(normalizedEmail));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Known addresses not forgotten (%s); they expire",
                    e.getClass().getSimpleName());
        }
    }

    /** Lifts every lock and pause of the account and forgets its failures: after a password reset. */
    public void clear(String normalizedEmail) {
        String account = hash(normalizedEmail);
        try {
            List<String> keys = new ArrayList<>(List.of(FAILURES_PREFIX + account, PACE_PREFIX + account));
            for (String prefix : List.of(FAILURES_PREFIX, LOCK_PREFIX)) {
                redis.key()
                        .scan(new KeyScanArgs().match(prefix + account + ":*").count(500))
                        .toIterable()
                        .forEach(keys::add);
            }
            redis.key().del(keys.toArray(String[]::new));
        } catch (RuntimeException e) {
            LOG.warnf("Login lockout not cleared (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * A lock or pause: the key holds the epoch millis it ends at (by the injectable {@link Clock}, so tests move time
     * instead of waiting) and expires then, so Redis forgets it by itself.
     */
    private void until(String key, Duration wait) {
        redis.value(String.class).setex(key, wait.toSeconds(), Long.toString(clock.millis() + wait.toMillis()));
    }

    /** The seconds left of a lock or pause, rounded up (a 1 s pause with 400 ms left must still count); 0 if none. */
    private long secondsLeft(String key) {
        String value = redis.value(String.class).get(key);
        if (value == null) {
            return 0;
        }
        long endsAt;
        try {
            endsAt = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
        if (endsAt < LEGACY_MARKER_BELOW) {
            // written by the previous release ("1"): the key's TTL is the lock (PTTL, since the typed ttl() throws
            // for a missing key)
            endsAt = clock.millis() + redis.execute("PTTL", key).toLong();
        }
        long millis = endsAt - clock.millis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private static String hash(String value) {
        return OneTimeTokens.hash(value == null ? "" : value);
    }
}
