package com.writerstree.content.domain;

/**
 * When a save becomes an automatic snapshot (spec §4.4 "every 1000 words"): when its word count lies in a
 * higher thousand than the project's newest snapshot (or, with no snapshot yet, reaches the first thousand).
 * Shrinking text does not snapshot; writing it back up past the next thousand does.
 */
public final class SnapshotPolicy {

    private SnapshotPolicy() {}

    public static boolean crossedStep(int lastSnapshotWordCount, int newWordCount, int step) {
        if (step <= 0) {
            return false;
        }
        return newWordCount / step > Math.max(0, lastSnapshotWordCount) / step;
    }
}
