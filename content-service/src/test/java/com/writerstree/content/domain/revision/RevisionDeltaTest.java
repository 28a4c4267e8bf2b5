package com.writerstree.content.domain.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RevisionDeltaTest {

    private static void assertDelta(String before, String after, int prefix, int suffix, String middle) {
        RevisionDelta delta = RevisionDelta.between(before, after);
        assertEquals(new RevisionDelta(prefix, suffix), delta, before + " -> " + after);
        assertEquals(middle, delta.middle(after));
        assertEquals(middle.length(), delta.middleLength(after));
        assertEquals(after, delta.applyTo(before, delta.middle(after)));
    }

    @Test
    void storesOnlyWhatLiesBetweenTheCommonBeginningAndEnd() {
        assertDelta("It was a dark night.", "It was a dark and stormy night.", 14, 6, "and stormy ");
        assertDelta("It was a dark night.", "It was night.", 7, 6, "");
        assertDelta("abc", "xabc", 0, 3, "x"); // insert at the start
        assertDelta("abc", "abcx", 3, 0, "x"); // insert at the end
        assertDelta("", "abc", 0, 0, "abc");
        assertDelta("abc", "", 0, 0, "");
        assertDelta("abc", "xyz", 0, 0, "xyz"); // whole text replaced
        assertDelta("abc", "abc", 3, 0, "");
        // repeated characters: prefix and suffix never overlap
        assertDelta("aaaa", "aaaaa", 4, 0, "a");
        assertDelta("aaaaa", "aa", 2, 0, "");
    }

    @Test
    void neverCutsASurrogatePair() {
        // 😀 = D83D DE00, 😁 = D83D DE01: they share their first unit, the pair is stored whole
        assertDelta("a😀b", "a😁b", 1, 1, "😁");
        assertDelta("😀", "😁", 0, 0, "😁");
        // 𝄞 = D834 DD1E and 🄞 = D83C DD1E share the second unit
        assertDelta("x𝄞", "x🄞", 1, 0, "🄞");
        assertDelta("😀😀", "😀", 2, 0, "");
        assertDelta("😀", "😀😀", 2, 0, "😀");
    }

    /** Random pairs of related texts: the delta rebuilds the new text, is well-formed, and is as small as it says. */
    @RepeatedTest(2000)
    void rebuildsEveryEditExactly(RepetitionInfo repetition) {
        Random random = new Random(7_000 + repetition.getCurrentRepetition());
        String before = RandomEdits.fragment(random, 40);
        String after = before;
        for (int i = random.nextInt(3) + 1; i > 0; i--) {
            after = RandomEdits.edit(random, after);
        }
        RevisionDelta delta = RevisionDelta.between(before, after);
        String middle = delta.middle(after);
        assertEquals(after, delta.applyTo(before, middle));
        assertTrue(RandomEdits.wellFormed(middle), "lone surrogate in the stored middle");
        assertTrue(delta.prefix() + delta.suffix() <= Math.min(before.length(), after.length()));
        assertTrue(after.startsWith(before.substring(0, delta.prefix())));
        assertTrue(after.endsWith(before.substring(before.length() - delta.suffix())));
    }
}
