package com.writerstree.project.domain;

import java.time.Instant;
import java.util.Locale;

/** The pure rules of a project's lifecycle and of the free-tier limit (no I/O). */
public final class ProjectRules {

    public static final String DEFAULT_TITLE = "Untitled Project";
    public static final int DEFAULT_WORD_GOAL = 50_000;
    public static final int MIN_WORD_GOAL = 1_000;
    /** Keeps progress arithmetic and milestones sane. */
    public static final int MAX_WORD_GOAL = 10_000_000;

    public static final String WORD_GOAL_TOO_LOW = "Word goal must be at least 1,000";
    public static final String WORD_GOAL_TOO_HIGH = "Word goal must be at most 10,000,000";
    public static final String ARCHIVED = "Project is archived; restore it before editing";

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

    /** The answer to a limited caller over the limit ({@code project.free-tier-max-projects}, spec §7.2). */
    public static String freeTierLimit(int max) {
        return "Free tier limited to " + max + " projects";
    }

    /** Whether a limited caller who already has {@code notArchived} projects may have one more. */
    public static boolean mayAddProject(long notArchived, int max) {
        return notArchived < max;
    }
}
