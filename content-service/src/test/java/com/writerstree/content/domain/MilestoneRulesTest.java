package com.writerstree.content.domain;

import static com.writerstree.content.domain.MilestoneType.COMPLETE;
import static com.writerstree.content.domain.MilestoneType.HALF;
import static com.writerstree.content.domain.MilestoneType.QUARTER;
import static com.writerstree.content.domain.MilestoneType.THREE_QUARTERS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MilestoneRulesTest {

    @Test
    void thresholdsAreTheGoalsShareRoundedUp() {
        assertEquals(250, MilestoneRules.threshold(QUARTER, 1000));
        assertEquals(500, MilestoneRules.threshold(HALF, 1000));
        assertEquals(750, MilestoneRules.threshold(THREE_QUARTERS, 1000));
        assertEquals(1000, MilestoneRules.threshold(COMPLETE, 1000));
        assertEquals(12500, MilestoneRules.threshold(QUARTER, 50000));
        // 25 % of 1001 is 250.25: 250 words are not yet a quarter
        assertEquals(251, MilestoneRules.threshold(QUARTER, 1001));
        assertEquals(751, MilestoneRules.threshold(THREE_QUARTERS, 1001));
        assertEquals(Integer.MAX_VALUE, MilestoneRules.threshold(COMPLETE, Integer.MAX_VALUE));
    }

    @Test
    void belowTheFirstThresholdNothingIsReached() {
        assertEquals(List.of(), MilestoneRules.reached(1000, 0));
        assertEquals(List.of(), MilestoneRules.reached(1000, 249));
        assertEquals(List.of(), MilestoneRules.reached(1001, 250));
    }

    @Test
    void reachingAThresholdExactlyCounts() {
        assertEquals(List.of(QUARTER), MilestoneRules.reached(1000, 250));
        assertEquals(List.of(QUARTER), MilestoneRules.reached(1000, 260));
        assertEquals(List.of(QUARTER, HALF), MilestoneRules.reached(1000, 500));
    }

    @Test
    void aBigJumpReachesSeveralMilestonesLowestFirst() {
        assertEquals(List.of(QUARTER, HALF, THREE_QUARTERS), MilestoneRules.reached(1000, 999));
        assertEquals(List.of(QUARTER, HALF, THREE_QUARTERS, COMPLETE), MilestoneRules.reached(1000, 1000));
        assertEquals(List.of(QUARTER, HALF, THREE_QUARTERS, COMPLETE), MilestoneRules.reached(50000, 80000));
    }

    @Test
    void withoutAGoalThereAreNoMilestones() {
        assertEquals(List.of(), MilestoneRules.reached(0, 5000));
        assertEquals(List.of(), MilestoneRules.reached(-10, 5000));
    }

    @Test
    void wireNamesFollowTheSpec() {
        assertEquals("25_percent", QUARTER.wireName());
        assertEquals("50_percent", HALF.wireName());
        assertEquals("75_percent", THREE_QUARTERS.wireName());
        assertEquals("100_percent", COMPLETE.wireName());
    }
}
