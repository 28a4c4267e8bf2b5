package com.writerstree.stats.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.stats.domain.WriterClock.Setting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Local days on the writer's clock: far from UTC, across DST, and across a change of zone. */
class WriterClockTest {

    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati"); // UTC+14
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void savesStraddlingUtcMidnightLandOnTheWritersLocalDays() {
        WriterClock clock = new WriterClock(List.of(new Setting(Instant.parse("2026-01-01T00:00:00Z"), KIRITIMATI, 0)));
        // 09:59 UTC is 23:59 in Kiritimati, 10:00 UTC is local midnight of the next day
        assertEquals(LocalDate.parse("2026-03-10"), clock.localDate(Instant.parse("2026-03-10T09:59:00Z")));
        assertEquals(LocalDate.parse("2026-03-11"), clock.localDate(Instant.parse("2026-03-10T10:00:00Z")));
        // 23:30 UTC on the 10th and 00:30 UTC on the 11th are the same local day (the 11th, 13:30 and 14:30)
        assertEquals(
                clock.localDate(Instant.parse("2026-03-10T23:30:00Z")),
                clock.localDate(Instant.parse("2026-03-11T00:30:00Z")));
        assertEquals(LocalDate.parse("2026-03-11"), clock.localDate(Instant.parse("2026-03-11T00:30:00Z")));
    }

    @Test
    void withoutSettingsDaysAreUtcDays() {
        WriterClock clock = new WriterClock(List.of());
        assertEquals(ZoneOffset.UTC, clock.zoneAt(Instant.now()));
        assertEquals(LocalDate.parse("2026-03-10"), clock.localDate(Instant.parse("2026-03-10T23:59:59Z")));
        assertEquals(0, clock.dailyWordGoalOn(LocalDate.parse("2026-03-10")));
    }

    @Test
    void dstDaysOf23And25HoursHaveTheirRightBoundaries() {
        WriterClock clock = new WriterClock(List.of(new Setting(Instant.parse("2026-01-01T00:00:00Z"), BERLIN, 0)));
        Clock fixed = Clock.fixed(Instant.parse("2026-03-29T12:00:00Z"), ZoneOffset.UTC);
        // spring forward on 2026-03-29: the local day lasts 23 hours
        Instant start = clock.startOf(LocalDate.parse("2026-03-29"), fixed);
        Instant next = clock.startOf(LocalDate.parse("2026-03-30"), fixed);
        assertEquals(Duration.ofHours(23), Duration.between(start, next));
        assertEquals(LocalDate.parse("2026-03-29"), clock.localDate(next.minusSeconds(1)));
        assertEquals(LocalDate.parse("2026-03-30"), clock.localDate(next));
        // fall back on 2026-10-25: 25 hours, the last of which (22:59 UTC) is still the 25th
        Instant octStart = clock.startOf(LocalDate.parse("2026-10-25"), fixed);
        Instant octNext = clock.startOf(LocalDate.parse("2026-10-26"), fixed);
        assertEquals(Duration.ofHours(25), Duration.between(octStart, octNext));
        assertEquals(LocalDate.parse("2026-10-25"), clock.localDate(Instant.parse("2026-10-25T22:59:00Z")));
    }

    @Test
    void aZoneChangeAppliesFromItsMomentOnAndLeavesEarlierDaysAlone() {
        Instant move = Instant.parse("2026-05-10T12:00:00Z");
        WriterClock clock =
                new WriterClock(List.of(new Setting(Instant.EPOCH, NEW_YORK, 0), new Setting(move, KIRITIMATI, 0)));
        // 03:00 UTC on the 10th was the evening of the 9th in New York, and stays so
        assertEquals(LocalDate.parse("2026-05-09"), clock.localDate(Instant.parse("2026-05-10T03:00:00Z")));
        // after the move, 12:30 UTC is already 02:30 on the 11th in Kiritimati
        assertEquals(LocalDate.parse("2026-05-11"), clock.localDate(Instant.parse("2026-05-10T12:30:00Z")));
        assertEquals(KIRITIMATI, clock.currentZone(Clock.fixed(move.plusSeconds(1), ZoneOffset.UTC)));
    }

    @Test
    void aDailyTargetJudgesTheWholeDayItWasSetOn() {
        WriterClock clock = new WriterClock(List.of(
                new Setting(Instant.parse("2026-01-01T00:00:00Z"), BERLIN, 0),
                new Setting(Instant.parse("2026-02-10T20:00:00Z"), BERLIN, 500)));
        assertEquals(0, clock.dailyWordGoalOn(LocalDate.parse("2026-02-09")));
        assertEquals(500, clock.dailyWordGoalOn(LocalDate.parse("2026-02-10")));
        assertEquals(500, clock.dailyWordGoalOn(LocalDate.parse("2026-03-01")));
    }

    @Test
    void anUnknownZoneIdFallsBackToUtc() {
        assertEquals(ZoneOffset.UTC, WriterClock.zoneOrUtc("Mars/Olympus_Mons"));
        assertEquals(ZoneOffset.UTC, WriterClock.zoneOrUtc(null));
        assertEquals(KIRITIMATI, WriterClock.zoneOrUtc(" Pacific/Kiritimati "));
    }

    @Test
    void aZoneChangeMidStreakKeepsTheStreakWhenEveryLocalDayWasWritten() {
        // writes every evening at 21:00 local; flies from Berlin to New York on 2026-06-04 (in the morning UTC)
        Instant move = Instant.parse("2026-06-04T10:00:00Z");
        WriterClock clock =
                new WriterClock(List.of(new Setting(Instant.EPOCH, BERLIN, 300), new Setting(move, NEW_YORK, 300)));
        java.util.List<LocalDate> written = new java.util.ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            LocalDate local = LocalDate.of(2026, 6, day);
            ZoneId zone = local.isBefore(LocalDate.of(2026, 6, 4)) ? BERLIN : NEW_YORK;
            Instant save = local.atTime(21, 0).atZone(zone).toInstant();
            written.add(clock.localDate(save));
        }
        assertEquals(
                List.of(
                        LocalDate.parse("2026-06-01"),
                        LocalDate.parse("2026-06-02"),
                        LocalDate.parse("2026-06-03"),
                        LocalDate.parse("2026-06-04"),
                        LocalDate.parse("2026-06-05"),
                        LocalDate.parse("2026-06-06"),
                        LocalDate.parse("2026-06-07")),
                written);
        Clock now = Clock.fixed(Instant.parse("2026-06-08T03:00:00Z"), ZoneOffset.UTC); // 23:00 on the 7th in NY
        assertEquals(LocalDate.parse("2026-06-07"), clock.today(now));
        assertEquals(new Streaks.Summary(7, 7), Streaks.of(written, clock.today(now)));
    }
}
