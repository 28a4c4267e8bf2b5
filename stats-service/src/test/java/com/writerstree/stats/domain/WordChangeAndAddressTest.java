package com.writerstree.stats.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WordChangeAndAddressTest {

    @Test
    void aDeltaIsEitherWordsAddedOrWordsDeleted() {
        assertEquals(new WordChange(120, 0), WordChange.ofDelta(120));
        assertEquals(new WordChange(0, 300), WordChange.ofDelta(-300));
        assertEquals(new WordChange(0, 0), WordChange.ofDelta(0));
    }

    @Test
    void savesAreAggregatedPerUtcQuarterHour() {
        assertEquals(Instant.parse("2026-03-10T09:45:00Z"), WordChange.slotOf(Instant.parse("2026-03-10T09:59:59.9Z")));
        assertEquals(Instant.parse("2026-03-10T10:00:00Z"), WordChange.slotOf(Instant.parse("2026-03-10T10:00:00Z")));
    }

    @Test
    void addressesAreTruncatedAndNamesAreNeverResolved() {
        assertEquals(Optional.of("203.0.113.0"), IpAnonymizer.anonymize("203.0.113.77"));
        assertEquals(
                Optional.of("2001:db8:85a3:0:0:0:0:0"), IpAnonymizer.anonymize("2001:db8:85a3:8d3:1319:8a2e:370:7348"));
        assertEquals(Optional.of("2001:db8:85a3:0:0:0:0:0"), IpAnonymizer.anonymize("[2001:db8:85a3::1]"));
        assertEquals(Optional.empty(), IpAnonymizer.anonymize("example.com"));
        assertEquals(Optional.empty(), IpAnonymizer.anonymize("ab.cd"));
        assertEquals(Optional.empty(), IpAnonymizer.anonymize(null));
    }

    @Test
    void periodsAreRollingWindowsEndingToday() {
        var today = java.time.LocalDate.parse("2026-11-30");
        assertEquals(
                java.time.LocalDate.parse("2026-11-24"),
                StatsPeriod.WEEK.firstDay(today).orElseThrow());
        assertEquals(
                java.time.LocalDate.parse("2026-11-01"),
                StatsPeriod.MONTH.firstDay(today).orElseThrow());
        assertEquals(Optional.empty(), StatsPeriod.ALL.firstDay(today));
        assertEquals(Optional.of(StatsPeriod.MONTH), StatsPeriod.parse(null));
        assertEquals(Optional.empty(), StatsPeriod.parse("decade"));
    }

    @Test
    void retentionKeepsTwelveCalendarMonths() {
        assertEquals(
                Instant.parse("2025-11-30T12:00:00Z"),
                AnalyticsRetention.cutoff(Instant.parse("2026-11-30T12:00:00Z"), 12));
    }
}
