package com.writerstree.stats.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /projects/{id}/stats}: a goal tracker for one project. {@code dailySeries} holds every local day
 * of the window, oldest first, zeros included (ready to chart).
 */
public record ProjectStatsView(
        String projectId,
        String title,
        String status,
        int wordGoal,
        int currentWordCount,
        int wordsRemaining,
        LocalDate today,
        int wordsToday,
        int pace7Days,
        int pace14Days,
        LocalDate projectedFinishDate,
        LocalDate deadline,
        Integer daysLeft,
        Integer dailyQuota,
        Boolean onTrack,
        List<SeriesDay> dailySeries,
        List<MilestoneView> milestones) {

    public record SeriesDay(LocalDate date, int wordsAdded, int wordsDeleted) {}

    /** A milestone; {@code celebrated} once any device showed its bloom. */
    public record MilestoneView(
            String type, int wordGoal, int wordCount, Instant achievedAt, boolean celebrated, Instant celebratedAt) {}
}
