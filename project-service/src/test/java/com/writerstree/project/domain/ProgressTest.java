package com.writerstree.project.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void roundsToTwoDecimalsLikeTheSpecExample() {
        assertEquals(25.69, Progress.percent(12_847, 50_000));
    }

    @Test
    void roundsHalfUp() {
        assertEquals(0.01, Progress.percent(1, 8_000)); // 0.0125
        assertEquals(0.07, Progress.percent(2, 3_000)); // 0.0666..
        assertEquals(0.1, Progress.percent(1, 1_000)); // exact
        assertEquals(0.02, Progress.percent(1, 6_000)); // 0.01666..
        assertEquals(33.33, Progress.percent(1_000, 3_000)); // 33.333..
        assertEquals(66.67, Progress.percent(2_000, 3_000)); // 66.666..
    }

    @Test
    void isZeroWithoutWords() {
        assertEquals(0.0, Progress.percent(0, 50_000));
    }

    @Test
    void isExactlyOneHundredAtTheGoal() {
        assertEquals(100.0, Progress.percent(50_000, 50_000));
    }

    @Test
    void staysAtOneHundredPastTheGoal() {
        assertEquals(100.0, Progress.percent(75_000, 50_000));
    }

    @Test
    void roundsUpToOneHundredJustBeforeTheGoal() {
        // 99.998 % rounds to 100.00 (plain rounding as the spec says; completion follows the 100% milestone)
        assertEquals(100.0, Progress.percent(49_999, 50_000));
        assertEquals(99.99, Progress.percent(49_995, 50_000));
    }

    @Test
    void doesNotOverflowForTheLargestGoal() {
        assertEquals(50.0, Progress.percent(5_000_000, 10_000_000));
        assertEquals(100.0, Progress.percent(Integer.MAX_VALUE, 10_000_000));
    }
}
