package com.writerstree.stats.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * A writer's clock over time: the time zones and daily word targets they had, each from the moment they set it.
 * Which local day a save belongs to depends on the zone in effect when it was made, so a move to another zone
 * changes the days from then on and never rewrites earlier ones. Pure; tested without Quarkus.
 */
public final class WriterClock {

    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;

    /** One preference change: from {@code effectiveFrom} on, days are in {@code zone} and need {@code dailyWordGoal}. */
    public record Setting(Instant effectiveFrom, ZoneId zone, int dailyWordGoal) {}

    private final List<Setting> settings;

    /** {@code settings} in any order; none means UTC and "any words". */
    public WriterClock(List<Setting> settings) {
        this.settings = settings.stream()
                .sorted(Comparator.comparing(Setting::effectiveFrom))
                .toList();
    }

    /** The zone in effect at {@code instant} (a change applies from its moment on; before the first one, UTC). */
    public ZoneId zoneAt(Instant instant) {
        ZoneId zone = DEFAULT_ZONE;
        for (Setting s : settings) {
            if (s.effectiveFrom().isAfter(instant)) {
                break;
            }
            zone = s.zone();
        }
        return zone;
    }

    /** The writer's local date of {@code instant}. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(zoneAt(instant)).toLocalDate();
    }

    /** The writer's today, in the zone in effect now. */
    public LocalDate today(Clock clock) {
        return localDate(clock.instant());
    }

    public ZoneId currentZone(Clock clock) {
        return zoneAt(clock.instant());
    }

    /**
     * The daily target that applies to {@code date}: the last one set on or before that local day (a target
     * changed during a day judges that whole day), 0 (any words) before the first.
     */
    public int dailyWordGoalOn(LocalDate date) {
        int goal = 0;
        for (Setting s : settings) {
            if (s.effectiveFrom().atZone(s.zone()).toLocalDate().isAfter(date)) {
                break;
            }
            goal = s.dailyWordGoal();
        }
        return goal;
    }

    /** The instant {@code date} starts for this writer (DST-aware: a day may last 23 or 25 hours). */
    public Instant startOf(LocalDate date, Clock clock) {
        return date.atStartOfDay(currentZone(clock)).toInstant();
    }

    /** A zone id as identity-service stores it; unknown or malformed ids fall back to UTC (never fail a consumer). */
    public static ZoneId zoneOrUtc(String id) {
        if (id == null || id.isBlank()) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }
}
