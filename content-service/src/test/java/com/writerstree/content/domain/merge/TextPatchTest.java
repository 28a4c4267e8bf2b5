package com.writerstree.content.domain.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.writerstree.content.domain.merge.TextPatch.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class TextPatchTest {

    private static Op retain(int n) {
        return new Op("retain", n, null);
    }

    private static Op delete(int n) {
        return new Op("delete", n, null);
    }

    private static Op insert(String text) {
        return new Op("insert", null, text);
    }

    @Test
    void appliesRetainDeleteInsertAndKeepsTheRest() {
        String base = "It was a dark night.";
        assertEquals(
                "It was a dark and stormy night.", TextPatch.apply(base, List.of(retain(14), insert("and stormy "))));
        assertEquals("It was night.", TextPatch.apply(base, List.of(retain(7), delete(7))));
        assertEquals(
                "Once: It was a dark night!",
                TextPatch.apply(base, List.of(insert("Once: "), retain(19), delete(1), insert("!"))));
        assertEquals(base, TextPatch.apply(base, List.of()));
        assertEquals("x", TextPatch.apply("", List.of(insert("x"))));
    }

    @Test
    void countsUtf16CodeUnitsLikeJavaScript() {
        // "😀" is two UTF-16 code units ("😀".length === 2 in JavaScript)
        assertEquals("😀!", TextPatch.apply("😀", List.of(retain(2), insert("!"))));
        assertThrows(TextPatch.NotApplicable.class, () -> TextPatch.apply("😀", List.of(retain(1), insert("!"))));
    }

    @Test
    void refusesPatchesThatDoNotApply() {
        assertThrows(TextPatch.NotApplicable.class, () -> TextPatch.apply("abc", List.of(retain(4))));
        assertThrows(TextPatch.NotApplicable.class, () -> TextPatch.apply("abc", List.of(retain(2), delete(2))));
        assertThrows(TextPatch.NotApplicable.class, () -> TextPatch.apply("abc", List.of(retain(-1))));
        assertThrows(
                TextPatch.NotApplicable.class, () -> TextPatch.apply("abc", List.of(new Op("retain", null, null))));
        assertThrows(
                TextPatch.NotApplicable.class, () -> TextPatch.apply("abc", List.of(new Op("insert", null, null))));
        assertThrows(TextPatch.NotApplicable.class, () -> TextPatch.apply("abc", List.of(new Op("replace", 1, "x"))));
        assertThrows(TextPatch.NotApplicable.class, () -> TextPatch.apply("abc", List.of(new Op(null, 1, null))));
    }

    /** Round trip: a patch built from a random edit of a random text rebuilds exactly the edited text. */
    @RepeatedTest(200)
    void deltaRoundTripEqualsTheFullText(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        int[] alphabet = "abc de\n😀é東".codePoints().toArray();
        StringBuilder base = new StringBuilder();
        for (int i = random.nextInt(200); i > 0; i--) {
            base.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        String text = base.toString();
        int cps = text.codePointCount(0, text.length());
        int from = text.offsetByCodePoints(0, random.nextInt(cps + 1));
        int to = text.offsetByCodePoints(from, random.nextInt(text.codePointCount(from, text.length()) + 1));
        String inserted = random.nextBoolean() ? "" : "NEW " + random.nextInt(100);
        String edited = text.substring(0, from) + inserted + text.substring(to);
        List<Op> ops = new ArrayList<>();
        ops.add(retain(from));
        ops.add(delete(to - from));
        ops.add(insert(inserted));
        if (random.nextBoolean()) {
            ops.add(retain(text.length() - to));
        }
        assertEquals(edited, TextPatch.apply(text, ops));
    }

    /**
     * A patch applied to the stretch of its base that {@link TextPatch#reach} names (widened at random, never cut
     * inside a surrogate pair) gives exactly what applying it to the whole base gives: the same text, or the same
     * refusal. 5,000 seeded random patches, valid and not: several edits, retains after the last edit, counts past the
     * end, cuts inside surrogate pairs, unknown or incomplete operations.
     */
    @Test
    void aPatchAppliedToTheStretchItReachesEqualsItAppliedToTheWholeBase() {
        Random random = new Random(42);
        int[] alphabet = "ab d\n😀é東-".codePoints().toArray();
        for (int round = 0; round < 5_000; round++) {
            StringBuilder built = new StringBuilder();
            for (int i = random.nextInt(120); i > 0; i--) {
                built.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            String base = built.toString();
            List<Op> ops = randomOps(random, base.length());
            String expected;
            try {
                expected = TextPatch.apply(base, ops);
            } catch (TextPatch.NotApplicable e) {
                expected = "refused: " + e.getMessage();
            }
            TextPatch.Reach reach = TextPatch.reach(base.length(), ops);
            int from = Math.max(0, reach.from() - random.nextInt(3));
            int to = Math.min(base.length(), reach.to() + random.nextInt(3));
            if (from > 0 && Character.isLowSurrogate(base.charAt(from))) {
                from--;
            }
            if (to < base.length() && Character.isLowSurrogate(base.charAt(to))) {
                to++;
            }
            String actual;
            try {
                actual = TextPatch.edit(base.substring(from, to), from, base.length(), ops)
                        .applyTo(base);
            } catch (TextPatch.NotApplicable e) {
                actual = "refused: " + e.getMessage();
            }
            assertEquals(expected, actual, "base " + base.length() + " units, ops " + ops);
        }
    }

    private static List<Op> randomOps(Random random, int length) {
        List<Op> ops = new ArrayList<>();
        int at = 0;
        for (int i = random.nextInt(6); i >= 0; i--) {
            int kind = random.nextInt(100);
            int room = length - at;
            if (kind < 40) {
                int n = random.nextInt(room + 1) / (random.nextBoolean() ? 1 : 3);
                ops.add(retain(n));
                at += n;
            } else if (kind < 65) {
                int n = random.nextInt(Math.min(room, 8) + 1);
                ops.add(delete(n));
                at += n;
            } else if (kind < 90) {
                ops.add(insert(random.nextBoolean() ? "x" : "😀 "));
            } else if (kind < 94) {
                ops.add(retain(room + 1 + random.nextInt(3))); // past the end
            } else if (kind < 97) {
                ops.add(new Op("replace", 1, "x"));
            } else {
                ops.add(random.nextBoolean() ? null : new Op("delete", null, null));
            }
        }
        return ops;
    }
}
