package com.writerstree.identity.auth;

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
}
