package com.writerstree.export.domain.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reference values, so that a frontend port of the tree's PRNG can check itself. */
class SplitMix64Test {

    @Test
    void matchesTheReferenceSequence() {
        SplitMix64 r = new SplitMix64(0);
        assertEquals(0xE220A8397B1DCDAFL, r.next());
        assertEquals(0x6E789E6AA1B965F4L, r.next());
        assertEquals(0x06C45D188009454FL, r.next());
    }
}
