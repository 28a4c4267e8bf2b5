package com.writerstree.identity.domain.auth;

import java.time.Duration;

/**
 * How long one (account, client address) pair stays locked after consecutive failed logins: nothing below the
 * threshold, then the initial wait, doubled by every further failure, never more than the maximum (like
 * Keycloak's temporary lockout: wait increment, max wait); and how long addresses that never signed in to the
 * account pause once the account's failures from all addresses pass the ceiling. Pure functions, tested without
 * Quarkus.
 */
public final class LockoutPolicy {

    private LockoutPolicy() {}

    public static Duration lockAfter(long consecutiveFailures, int threshold, Duration initialWait, Duration maxWait) {
        if (consecutiveFailures < threshold) {
            return Duration.ZERO;
        }
        long doublings = consecutiveFailures - threshold;
        if (doublings >= 30) {
            return maxWait;
        }
        Duration wait = initialWait.multipliedBy(1L << doublings);
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /**
     * The pause between sign-in attempts of unknown addresses once the account collected {@code accountFailures}
     * (from all addresses): none below the ceiling, then 1 s doubling per further failure, at most
     * {@code maxDelay}. A pause, never a lock: it bounds a distributed guesser to about one guess per
     * {@code maxDelay} while the owner's known addresses are not paced at all.
     */
    public static Duration paceAfter(long accountFailures, int ceiling, Duration maxDelay) {
        if (accountFailures < ceiling) {
            return Duration.ZERO;
        }
        long doublings = accountFailures - ceiling;
        if (doublings >= 30) {
            return maxDelay;
        }
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
