package com.writerstree.stats.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What one save means for "words written". A save's word delta (new count minus previous count) is split into
 * words added and words deleted, so a day of cutting is reported as deletions, not as negative writing. A
 * restore is not writing: it changes the manuscript's count but adds nothing here.
 */
public record WordChange(int added, int deleted) {

    /** Saves are aggregated per UTC quarter hour; every zone offset in use is a multiple of it. */
    public static final Duration SLOT = Duration.ofMinutes(15);

    public static WordChange ofDelta(int wordDelta) {
        return wordDelta >= 0 ? new WordChange(wordDelta, 0) : new WordChange(0, -wordDelta);
    }

    /** The start of the quarter hour {@code savedAt} falls in. */
    public static Instant slotOf(Instant savedAt) {
        long slotSeconds = SLOT.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(savedAt.getEpochSecond(), slotSeconds) * slotSeconds);
    }
}
