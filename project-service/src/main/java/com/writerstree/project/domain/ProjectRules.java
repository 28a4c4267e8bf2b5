package com.writerstree.project.domain;

import java.time.Instant;
import java.util.Locale;

/** The pure rules of a project's lifecycle and of the free-tier limit (no I/O). */
public final class ProjectRules {

    /** The tier without a project limit; every other tier (and a token without one) counts as free. */
    public static final String UNLIMITED_TIER = "premium";

    private ProjectRules() {}

    /**
     * The status after the word goal changed to {@code newGoal}: a completed project whose word count is now below
     * its goal is active again; everything else keeps its status. (An active project whose count already reaches a
     * lowered goal completes through content-service's 100% milestone for that goal, on the next save.)
     */
    public static ProjectStatus statusAfterGoalChange(ProjectStatus status, int wordCount, int newGoal) {
        if (status == ProjectStatus.COMPLETED && wordCount < newGoal) {
            return ProjectStatus.ACTIVE;
        }
        return status;
    }

    /** The status an archived project returns to: completed if it had been completed, active otherwise. */
    public static ProjectStatus restoredStatus(Instant completedAt) {
        return completedAt != null ? ProjectStatus.COMPLETED : ProjectStatus.ACTIVE;
    }

    /** Whether a caller of this tier may have any number of projects. */
    public static boolean isUnlimited(String tier) {
        return tier != null && UNLIMITED_TIER.equals(tier.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether a limited caller who already has {@code notArchived} projects may have one more. */
    public static boolean mayAddProject(long notArchived, int max) {
        return notArchived < max;
    }
}
