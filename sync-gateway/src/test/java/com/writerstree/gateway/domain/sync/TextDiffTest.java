package com.writerstree.gateway.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The sync:update patch applies (with content-service's delta semantics) to exactly the new text. */
class TextDiffTest {

    /** content-service's TextPatch semantics: retain/delete n code units, insert text, the rest kept. */
    static String apply(String base, List<Map<String, Object>> ops) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Map<String, Object> op : ops) {
            switch ((String) op.get("op")) {
                case "retain" -> {
                    int n = (Integer) op.get("n");
                    out.append(base, at, at + n);
                    at += n;
                }
                case "delete" -> at += (Integer) op.get("n");
                case "insert" -> out.append((String) op.get("text"));
                default -> throw new IllegalArgumentException(op.toString());
            }
            assertTrue(at <= base.length());
            assertTrue(
                    at == 0
                            || at == base.length()
                            || !(Character.isHighSurrogate(base.charAt(at - 1))
                                    && Character.isLowSurrogate(base.charAt(at))),
                    "an operation ends inside a surrogate pair");
        }
        return out.append(base, at, base.length()).toString();
    }

    @Test
    void typicalEditsGiveSmallPatches() {
        String base = "Chapter 1.\n\nIt rained.\n\nThe end.\n";
        String typed = "Chapter 1.\n\nIt rained. She left.\n\nThe end.\n";
        var ops = TextDiff.ops(base, typed);
        assertEquals(List.of(Map.of("op", "retain", "n", 22), Map.of("op", "insert", "text", " She left.")), ops);
        assertEquals(typed, apply(base, ops));
        assertEquals(List.of(), TextDiff.ops(base, base));
        assertEquals("", apply(base, TextDiff.ops(base, "")));
        assertEquals(base, apply("", TextDiff.ops("", base)));
    }

    @Test
    void surrogatePairsAreNeverCut() {
        String base = "a\uD83D\uDE00b"; // a😀b
        String target = "a\uD83D\uDE01b"; // a😁b: same high surrogate, different low
        assertEquals(target, apply(base, TextDiff.ops(base, target)));
        String suffixShared = "x\uD83D\uDE00";
        String other = "y\uDBFF\uDE00"; // same low surrogate at the end, different high
        assertEquals(other, apply(suffixShared, TextDiff.ops(suffixShared, other)));
    }

    @RepeatedTest(200)
    void randomEditsRoundTrip(RepetitionInfo info) {
        Random random = new Random(7919L * info.getCurrentRepetition());
        String alphabet = "ab \n\uD83D\uDE00é";
        StringBuilder base = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            base.append(pick(alphabet, random));
        }
        StringBuilder target = new StringBuilder(base);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = target.length() == 0 ? 0 : random.nextInt(target.length() + 1);
            if (at > 0 && at < target.length() && Character.isLowSurrogate(target.charAt(at))) {
                at--;
            }
            if (random.nextBoolean() && at < target.length()) {
                int end = at + 1;
                if (Character.isHighSurrogate(target.charAt(at)) && end < target.length()) {
                    end++;
                }
                target.delete(at, end);
            } else {
                target.insert(at, pick(alphabet, random));
            }
        }
        String a = base.toString();
        String b = target.toString();
        assertEquals(b, apply(a, TextDiff.ops(a, b)));
        assertEquals(b, TextDiff.apply(a, json(TextDiff.ops(a, b))), "the replica's applier agrees");
    }

    @Test
    void theApplierRefusesWhatDoesNotApply() {
        String base = "a\uD83D\uDE00b";
        assertEquals("xa\uD83D\uDE00b", TextDiff.apply(base, json(List.of(Map.of("op", "insert", "text", "x")))));
        assertEquals(
                "a",
                TextDiff.apply(base, json(List.of(Map.of("op", "retain", "n", 1), Map.of("op", "delete", "n", 3)))));
        assertNull(TextDiff.apply(base, json(List.of(Map.of("op", "retain", "n", 5)))), "past the end");
        assertNull(TextDiff.apply(base, json(List.of(Map.of("op", "retain", "n", 2)))), "inside a surrogate pair");
        assertNull(TextDiff.apply(base, json(List.of(Map.of("op", "delete", "n", -1)))), "negative");
        assertNull(TextDiff.apply(base, json(List.of(Map.of("op", "move", "n", 1)))), "unknown op");
        assertNull(TextDiff.apply(base, json(List.of(Map.of("op", "insert", "n", 1)))), "insert without text");
        assertNull(TextDiff.apply(base, json(List.of(Map.of("op", "retain", "n", "1")))), "count not a number");
        assertNull(TextDiff.apply(base, json(Map.of("op", "retain"))), "not an array");
        assertNull(TextDiff.apply(base, null));
    }

    private static JsonNode json(Object value) {
        return SyncMessages.mapper().valueToTree(value);
    }

    private static String pick(String alphabet, Random random) {
        String[] symbols = {"a", "b", " ", "\n", "\uD83D\uDE00", "é"};
        return symbols[random.nextInt(symbols.length)];
    }
}
