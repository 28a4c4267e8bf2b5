package com.writerstree.stats.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code period} of {@code GET /users/me/stats}: the last 7, 30 or 365 local days including today, or
 * everything. Rolling windows, so that "this week" on a Monday is not a single day.
 */
public enum StatsPeriod {
    WEEK(7),
    MONTH(30),
    YEAR(365),
    ALL(0);

    private final int days;

    StatsPeriod(int days) {
        this.days = days;
    }

    /** The first local day of the period ending {@code today}; empty for {@link #ALL}. */
    public Optional<LocalDate> firstDay(LocalDate today) {
        return days == 0 ? Optional.empty() : Optional.of(today.minusDays(days - 1L));
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StatsPeriod> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(MONTH);
        }
        return Arrays.stream(values())
                .filter(p -> p.value().equals(raw.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static List<String> allowed() {
        return Arrays.stream(values()).map(StatsPeriod::value).toList();
    }
}
