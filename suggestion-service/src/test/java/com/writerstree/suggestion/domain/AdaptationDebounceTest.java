package com.writerstree.suggestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A project is re-learned at most once per interval however often it is saved. */
class AdaptationDebounceTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void aProjectNeverLearnedIsDueAtOnce() {
        assertEquals(NOW, AdaptationService.dueAt(null, FIVE_MINUTES, NOW));
    }

    @Test
    void aProjectLearnedRecentlyWaitsForTheRestOfTheInterval() {
        Instant learned = NOW.minusSeconds(60);
        assertEquals(NOW.plusSeconds(240), AdaptationService.dueAt(learned, FIVE_MINUTES, NOW));
        // a save every ten seconds for the next minutes does not move that time
        for (int s = 10; s < 240; s += 10) {
            assertEquals(NOW.plusSeconds(240), AdaptationService.dueAt(learned, FIVE_MINUTES, NOW.plusSeconds(s)));
        }
    }

    @Test
    void aProjectLearnedLongAgoIsDueNow() {
        assertEquals(NOW, AdaptationService.dueAt(NOW.minus(Duration.ofHours(3)), FIVE_MINUTES, NOW));
    }
}
