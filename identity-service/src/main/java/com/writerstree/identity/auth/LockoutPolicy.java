package com.writerstree.identity.auth;

import java.time.Duration;

/**
 * How long an account stays locked after consecutive failed logins: nothing below the threshold, then the
 * initial wait, doubled by every further failure, never more than the maximum (like Keycloak's temporary
 * lockout: wait increment, max wait). Pure function, tested without Quarkus.
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
}
