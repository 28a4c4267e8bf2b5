package com.writerstree.stats.domain;

import java.time.LocalDate;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Streaks of consecutive local days that met the writer's daily target. The current streak counts back from
 * today when today is met; otherwise from yesterday, so a streak stays alive until the end of today (local
 * time) while today's words may still come. Pure; tested without Quarkus.
 */
public final class Streaks {

    public record Summary(int current, int longest) {}

    private Streaks() {}

    /** {@code metDays}: the local days whose words met that day's target. */
    public static Summary of(NavigableSet<LocalDate> metDays, LocalDate today) {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : metDays) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        LocalDate from = metDays.contains(today) ? today : today.minusDays(1);
        int current = 0;
        while (metDays.contains(from.minusDays(current))) {
            current++;
        }
        return new Summary(current, longest);
    }

    public static Summary of(Iterable<LocalDate> metDays, LocalDate today) {
        TreeSet<LocalDate> set = new TreeSet<>();
        metDays.forEach(set::add);
        return of(set, today);
    }

    /** Whether a day with {@code wordsAdded} meets {@code dailyWordGoal} (0: any words). */
    public static boolean meets(int wordsAdded, int dailyWordGoal) {
        return wordsAdded > 0 && wordsAdded >= dailyWordGoal;
    }
}
