package com.writerstree.stats.api;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /users/me/stats} (spec §4.6): every field of the spec, plus the period's bounds, the writer's time
 * zone and daily target, and the words deleted. Streaks are over the writer's whole history; the other numbers
 * over the period.
 */
public record UserStatsView(
        String period,
        LocalDate from,
        LocalDate to,
        String timezone,
        int dailyWordGoal,
        int totalProjects,
        int activeProjects,
        int completedProjects,
        long totalWordsWritten,
        long wordsDeleted,
        int currentStreak,
        int longestStreak,
        long averageWordsPerDay,
        int writingDays,
        int milestonesReached,
        List<DayView> dailyBreakdown) {}
