package com.writerstree.stats.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Goal-tracker arithmetic (what NaNoWriMo and Scrivener targets show): pace, projected finish and the daily quota
 * a deadline needs. Pure; tested without Quarkus.
 *
 * @param remaining words still to write for the goal (never negative)
 * @param pace7 average words added per day over the last 7 local days, today included
 * @param pace14 the same over 14 days
 * @param projectedFinish the day the goal is reached at the 7-day pace (null at pace 0 or when reached)
 * @param daysLeft local days left until the deadline, today and the deadline included (null: no deadline;
 *     0: the deadline has passed)
 * @param dailyQuota words a day needed from today to finish on the deadline (null without deadline, when it has
 *     passed, or when the goal is reached)
 */
public record GoalProgress(
        int remaining,
        int pace7,
        int pace14,
        LocalDate projectedFinish,
        Integer daysLeft,
        Integer dailyQuota,
        Boolean onTrack) {

    /**
     * @param addedByDay words added per local day (missing days: 0)
     * @param today the writer's today
     */
    public static GoalProgress of(
            int wordGoal, int wordCount, Map<LocalDate, Integer> addedByDay, LocalDate today, LocalDate deadline) {
        int remaining = Math.max(wordGoal - wordCount, 0);
        int pace7 = pace(addedByDay, today, 7);
        int pace14 = pace(addedByDay, today, 14);
        LocalDate projected = remaining == 0 || pace7 == 0 ? null : today.plusDays(ceilDiv(remaining, pace7) - 1L);
        Integer daysLeft = null;
        Integer quota = null;
        Boolean onTrack = null;
        if (deadline != null) {
            long days = ChronoUnit.DAYS.between(today, deadline) + 1;
            daysLeft = (int) Math.max(days, 0);
            if (remaining == 0) {
                onTrack = true;
            } else if (days > 0) {
                // words already written today count toward today's share
                int writtenToday = addedByDay.getOrDefault(today, 0);
                quota = ceilDiv(remaining + writtenToday, (int) Math.min(days, Integer.MAX_VALUE));
                onTrack = projected != null && !projected.isAfter(deadline);
            } else {
                onTrack = false;
            }
        }
        return new GoalProgress(remaining, pace7, pace14, projected, daysLeft, quota, onTrack);
    }

    /** Words added over the last {@code days} local days (today included) divided by {@code days}, rounded. */
    static int pace(Map<LocalDate, Integer> addedByDay, LocalDate today, int days) {
        long sum = 0;
        for (int i = 0; i < days; i++) {
            sum += addedByDay.getOrDefault(today.minusDays(i), 0);
        }
        return (int) Math.round((double) sum / days);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
