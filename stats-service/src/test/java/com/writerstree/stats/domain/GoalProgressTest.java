package com.writerstree.stats.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalProgressTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    private static Map<LocalDate, Integer> everyDay(int words, int days) {
        Map<LocalDate, Integer> m = new HashMap<>();
        for (int i = 0; i < days; i++) {
            m.put(TODAY.minusDays(i), words);
        }
        return m;
    }

    @Test
    void paceOverSevenAndFourteenDaysCountsTheQuietDays() {
        GoalProgress p = GoalProgress.of(50_000, 10_000, everyDay(1_400, 7), TODAY, null);
        assertEquals(1_400, p.pace7());
        assertEquals(700, p.pace14(), "7 days of 1,400 over 14 days");
        assertEquals(40_000, p.remaining());
    }

    @Test
    void projectedFinishIsTheDayTheRemainingWordsAreWrittenAtTheSevenDayPace() {
        // 40,000 left at 1,000 a day: 40 days, today being the first of them
        GoalProgress p = GoalProgress.of(50_000, 10_000, everyDay(1_000, 14), TODAY, null);
        assertEquals(TODAY.plusDays(39), p.projectedFinish());
        // 40,001 left: one more day
        assertEquals(
                TODAY.plusDays(40),
                GoalProgress.of(50_001, 10_000, everyDay(1_000, 14), TODAY, null)
                        .projectedFinish());
        assertNull(GoalProgress.of(50_000, 10_000, Map.of(), TODAY, null).projectedFinish(), "no pace, no date");
        assertNull(
                GoalProgress.of(50_000, 50_000, everyDay(1_000, 7), TODAY, null).projectedFinish());
    }

    @Test
    void theDeadlineQuotaSpreadsWhatIsLeftOverTheDaysLeftIncludingToday() {
        // NaNoWriMo: 50,000 by Nov 30; on Nov 20 with 30,000 written (none today): 20,000 over 11 days
        LocalDate deadline = LocalDate.parse("2026-11-30");
        GoalProgress p = GoalProgress.of(50_000, 30_000, Map.of(), TODAY, deadline);
        assertEquals(11, p.daysLeft());
        assertEquals(1_819, p.dailyQuota(), "ceil(20000 / 11)");
        assertEquals(false, p.onTrack());
        // words already written today count toward today's share: the quota is the same before and after
        GoalProgress afterWriting = GoalProgress.of(50_000, 31_000, Map.of(TODAY, 1_000), TODAY, deadline);
        assertEquals(1_819, afterWriting.dailyQuota());
    }

    @Test
    void onTheDeadlineDayTheQuotaIsEverythingLeftAndAfterItThereIsNone() {
        LocalDate deadline = TODAY;
        assertEquals(
                5_000,
                GoalProgress.of(50_000, 45_000, Map.of(), TODAY, deadline).dailyQuota());
        GoalProgress late = GoalProgress.of(50_000, 45_000, Map.of(), TODAY, TODAY.minusDays(1));
        assertEquals(0, late.daysLeft());
        assertNull(late.dailyQuota());
        assertEquals(false, late.onTrack());
        GoalProgress done = GoalProgress.of(50_000, 52_000, Map.of(), TODAY, deadline.plusDays(3));
        assertNull(done.dailyQuota());
        assertEquals(true, done.onTrack());
    }

    @Test
    void onTrackWhenTheProjectedFinishIsNotAfterTheDeadline() {
        GoalProgress p = GoalProgress.of(50_000, 30_000, everyDay(2_000, 7), TODAY, LocalDate.parse("2026-11-30"));
        assertEquals(LocalDate.parse("2026-11-29"), p.projectedFinish());
        assertEquals(true, p.onTrack());
    }
}
