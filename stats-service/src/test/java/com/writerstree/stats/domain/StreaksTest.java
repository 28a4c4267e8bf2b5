package com.writerstree.stats.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class StreaksTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-30");

    private static List<LocalDate> days(String... iso) {
        return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
    }

    @Test
    void aStreakStaysAliveUntilTheEndOfTodayWhenYesterdayWasWritten() {
        List<LocalDate> written = days("2026-11-27", "2026-11-28", "2026-11-29");
        assertEquals(3, Streaks.of(written, TODAY).current(), "today may still come");
        assertEquals(0, Streaks.of(written, TODAY.plusDays(1)).current(), "a whole day missed ends it");
    }

    @Test
    void todayExtendsTheStreak() {
        assertEquals(
                4,
                Streaks.of(days("2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30"), TODAY)
                        .current());
        assertEquals(1, Streaks.of(days("2026-11-30"), TODAY).current());
    }

    @Test
    void gapsSplitStreaksAndTheLongestIsKept() {
        List<LocalDate> written = days(
                "2026-10-01",
                "2026-10-02",
                "2026-10-03",
                "2026-10-04",
                "2026-10-05", // 5
                "2026-10-07",
                "2026-10-08", // 2
                "2026-11-29",
                "2026-11-30"); // 2, current
        Streaks.Summary s = Streaks.of(written, TODAY);
        assertEquals(2, s.current());
        assertEquals(5, s.longest());
        assertEquals(new Streaks.Summary(0, 0), Streaks.of(List.of(), TODAY));
    }

    @Test
    void aDayMeetsTheTargetOnlyWithWordsAtOrAboveIt() {
        assertTrue(Streaks.meets(1, 0), "target 0 means any words");
        assertFalse(Streaks.meets(0, 0), "a day of only cutting is not writing");
        assertFalse(Streaks.meets(499, 500));
        assertTrue(Streaks.meets(500, 500));
    }

    @RepeatedTest(20)
    void matchesABruteForceCountOnRandomHistories() {
        Random random = new Random(20261130L + System.identityHashCode(this) % 1000);
        TreeSet<LocalDate> written = new TreeSet<>();
        for (int i = 0; i < 120; i++) {
            if (random.nextInt(3) > 0) {
                written.add(TODAY.minusDays(i));
            }
        }
        int longest = 0;
        List<Integer> runs = new ArrayList<>();
        int run = 0;
        for (LocalDate d = TODAY.minusDays(130); !d.isAfter(TODAY); d = d.plusDays(1)) {
            run = written.contains(d) ? run + 1 : 0;
            longest = Math.max(longest, run);
            runs.add(run);
        }
        int current = written.contains(TODAY) ? runs.get(runs.size() - 1) : runs.get(runs.size() - 2);
        assertEquals(new Streaks.Summary(current, longest), Streaks.of(written, TODAY));
    }
}
