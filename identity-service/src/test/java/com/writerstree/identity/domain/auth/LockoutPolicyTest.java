package com.writerstree.identity.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static Duration lock(long failures) {
        return LockoutPolicy.lockAfter(failures, 5, Duration.ofMinutes(1), Duration.ofMinutes(15));
    }

    @Test
    void fourFailuresDoNotLock() {
        assertEquals(Duration.ZERO, lock(0));
        assertEquals(Duration.ZERO, lock(4));
    }

    @Test
    void theFifthFailureLocksForAMinuteAndEveryFurtherOneDoublesUpToFifteen() {
        assertEquals(Duration.ofMinutes(1), lock(5));
        assertEquals(Duration.ofMinutes(2), lock(6));
        assertEquals(Duration.ofMinutes(4), lock(7));
        assertEquals(Duration.ofMinutes(8), lock(8));
        assertEquals(Duration.ofMinutes(15), lock(9));
        assertEquals(Duration.ofMinutes(15), lock(1_000_000));
    }

    @Test
    void theAccountCeilingOnlyPacesAndThePauseGrowsToItsMaximum() {
        Duration max = Duration.ofMinutes(1);
        assertEquals(Duration.ZERO, LockoutPolicy.paceAfter(19, 20, max));
        assertEquals(Duration.ofSeconds(1), LockoutPolicy.paceAfter(20, 20, max));
        assertEquals(Duration.ofSeconds(2), LockoutPolicy.paceAfter(21, 20, max));
        assertEquals(Duration.ofSeconds(32), LockoutPolicy.paceAfter(25, 20, max));
        assertEquals(max, LockoutPolicy.paceAfter(26, 20, max));
        assertEquals(max, LockoutPolicy.paceAfter(Long.MAX_VALUE, 20, max));
    }
}
