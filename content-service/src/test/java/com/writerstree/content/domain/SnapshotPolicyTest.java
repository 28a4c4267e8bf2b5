package com.writerstree.content.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnapshotPolicyTest {

    @Test
    void firstSnapshotAtTheFirstThousand() {
        assertFalse(SnapshotPolicy.crossedStep(0, 999, 1000));
        assertTrue(SnapshotPolicy.crossedStep(0, 1000, 1000));
        assertTrue(SnapshotPolicy.crossedStep(0, 3500, 1000));
    }

    @Test
    void nextSnapshotOncePastTheNextThousand() {
        assertFalse(SnapshotPolicy.crossedStep(1000, 1999, 1000));
        assertTrue(SnapshotPolicy.crossedStep(1000, 2000, 1000));
        assertTrue(SnapshotPolicy.crossedStep(1999, 2001, 1000));
        assertFalse(SnapshotPolicy.crossedStep(2400, 2999, 1000));
    }

    @Test
    void shrinkingTextDoesNotSnapshot() {
        assertFalse(SnapshotPolicy.crossedStep(3000, 1200, 1000));
        assertFalse(SnapshotPolicy.crossedStep(3000, 0, 1000));
    }

    @Test
    void aDisabledStepNeverSnapshots() {
        assertFalse(SnapshotPolicy.crossedStep(0, 5000, 0));
    }
}
