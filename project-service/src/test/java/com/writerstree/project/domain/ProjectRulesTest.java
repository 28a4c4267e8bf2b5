package com.writerstree.project.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProjectRulesTest {

    @Test
    void aCompletedProjectBelowItsNewGoalIsActiveAgain() {
        assertEquals(ProjectStatus.ACTIVE, ProjectRules.statusAfterGoalChange(ProjectStatus.COMPLETED, 50_000, 60_000));
        assertEquals(ProjectStatus.ACTIVE, ProjectRules.statusAfterGoalChange(ProjectStatus.COMPLETED, 59_999, 60_000));
    }

    @Test
    void aCompletedProjectStillAtItsNewGoalStaysCompleted() {
        assertEquals(
                ProjectStatus.COMPLETED, ProjectRules.statusAfterGoalChange(ProjectStatus.COMPLETED, 60_000, 60_000));
        assertEquals(
                ProjectStatus.COMPLETED, ProjectRules.statusAfterGoalChange(ProjectStatus.COMPLETED, 50_000, 40_000));
    }

    @Test
    void anActiveProjectStaysActiveEvenIfALowerGoalIsReached() {
        // completion comes from content-service's 100% milestone for the new goal
        assertEquals(ProjectStatus.ACTIVE, ProjectRules.statusAfterGoalChange(ProjectStatus.ACTIVE, 50_000, 10_000));
        assertEquals(ProjectStatus.ACTIVE, ProjectRules.statusAfterGoalChange(ProjectStatus.ACTIVE, 0, 60_000));
    }

    @Test
    void restoreReturnsToCompletedOnlyIfTheProjectHadBeenCompleted() {
        assertEquals(ProjectStatus.COMPLETED, ProjectRules.restoredStatus(Instant.parse("2026-01-25T15:00:00Z")));
        assertEquals(ProjectStatus.ACTIVE, ProjectRules.restoredStatus(null));
    }

    @Test
    void onlyPremiumIsUnlimited() {
        assertTrue(ProjectRules.isUnlimited("premium"));
        assertTrue(ProjectRules.isUnlimited(" Premium "));
        assertFalse(ProjectRules.isUnlimited("free"));
        assertFalse(ProjectRules.isUnlimited(null));
        assertFalse(ProjectRules.isUnlimited("gold")); // unknown tiers are limited
    }

    @Test
    void aLimitedUserMayHaveUpToTheMaximum() {
        assertTrue(ProjectRules.mayAddProject(0, 5));
        assertTrue(ProjectRules.mayAddProject(4, 5));
        assertFalse(ProjectRules.mayAddProject(5, 5));
        assertFalse(ProjectRules.mayAddProject(7, 5));
    }
}
