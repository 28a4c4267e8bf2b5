package com.writerstree.content.domain.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

    // ------------------------------------------------------------------------------------------ examples

    @Test
    void editsInDifferentParagraphsMerge() {
        String base = "It was a dark night.\n\nThe rain fell.\n\nShe waited.";
        String server = "It was a dark and stormy night.\n\nThe rain fell.\n\nShe waited.";
        String client = "It was a dark night.\n\nThe rain fell.\n\nShe waited for him.";
        assertEquals(
                Optional.of("It was a dark and stormy night.\n\nThe rain fell.\n\nShe waited for him."),
                ThreeWayMerge.merge(base, server, client));
    }

    @Test
    void editsOfTheSameWordConflict() {
        assertEquals(Optional.empty(), ThreeWayMerge.merge("the cat sat", "the bat sat", "the cart sat"));
    }

    @Test
    void insertionsAtTheSamePositionConflict() {
        // both typed at the end of the text: their order would be a guess
        assertEquals(Optional.empty(), ThreeWayMerge.merge("Chapter one.", "Chapter one. Rain", "Chapter one. Snow"));
    }

    @Test
    void touchingEditsConflict() {
        // server replaces "cat", client inserts right after it (same boundary)
        assertEquals(Optional.empty(), ThreeWayMerge.merge("a cat sat", "a dog sat", "a cat, sat"));
        // server deletes "cat " and client edits the next word: the regions touch
        assertEquals(Optional.empty(), ThreeWayMerge.merge("a cat sat down", "a sat down", "a cat sits down"));
    }

    @Test
    void editsSeparatedByAnUntouchedTokenMerge() {
        // "a" "␠" "cat" "␠" "sat": server changes token 0, client token 4; tokens 1-3 untouched
        assertEquals(Optional.of("one cat sits"), ThreeWayMerge.merge("a cat sat", "one cat sat", "a cat sits"));
    }

    @Test
    void aDeletionSpanningTheOtherSidesEditConflicts() {
        assertEquals(
                Optional.empty(),
                ThreeWayMerge.merge("one two three four five", "one five", "one two THREE four five"));
    }

    @Test
    void identicalEditsAreOneEdit() {
        // e.g. a retried save whose first attempt was stored, then another device added text elsewhere
        assertEquals(
                Optional.of("the big cat sat down. The end"),
                ThreeWayMerge.merge(
                        "the cat sat down. End", "the big cat sat down. The end", "the big cat sat down. End"));
    }

    @Test
    void trivialCases() {
        assertEquals(Optional.of("b"), ThreeWayMerge.merge("a", "b", "b"));
        assertEquals(Optional.of("b"), ThreeWayMerge.merge("a", "a", "b"));
        assertEquals(Optional.of("b"), ThreeWayMerge.merge("a", "b", "a"));
        assertEquals(Optional.of("x y"), ThreeWayMerge.merge("", "x y", ""));
        assertEquals(Optional.empty(), ThreeWayMerge.merge("", "x", "y"));
    }

    @Test
    void unicodeIsNeverSplit() {
        String base = "naïve café 東京 😀 end";
        String server = "naïve café 東京 😀😀 end";
        String client = "NAÏVE café 東京 😀 end";
        assertEquals(Optional.of("NAÏVE café 東京 😀😀 end"), ThreeWayMerge.merge(base, server, client));
        // Han characters are one token each: edits of neighbouring characters touch, one apart they merge
        assertEquals(Optional.of("北京の大阪"), ThreeWayMerge.merge("東京の大阪", "北京の大阪", "東京の大阪"));
        assertEquals(Optional.of("北京の大坂"), ThreeWayMerge.merge("東京の大阪", "北京の大阪", "東京の大坂"));
        assertEquals(Optional.empty(), ThreeWayMerge.merge("東京の大阪", "北京の大阪", "東都の大阪"));
    }

    @Test
    void tokensConcatenateToTheText() {
        String text = "# Title\n\n**Bold** well-known 1,000 — don't 😀 東京 \u00a0end";
        assertEquals(text, String.join("", ThreeWayMerge.tokenize(text)));
        assertEquals(
                List.of("well", "-", "known", " ", "😀", " ", "東", "京"), ThreeWayMerge.tokenize("well-known 😀 東京"));
    }

    // ---------------------------------------------------------------------------------------- property

    private static final AtomicInteger MERGED = new AtomicInteger();
    private static final AtomicInteger SEPARATED = new AtomicInteger();
    private static final AtomicInteger CASES = new AtomicInteger();

    /** A word-level edit of the generated base: replace base words [from, to) by {@code inserted}. */
    private record WordEdit(int from, int to, List<String> inserted) {}

    /**
     * 600 random edit pairs (seeded: repetition i uses seed i). The base is n unique words ("b0".."bn") with
     * random separators; the server and the client each make 1-3 non-overlapping word-level edits (replace,
     * insert, delete) whose new words are unique markers ("S…", "C…"). Property, for every pair: either the
     * merge is refused, or the merged text M
     * <ul>
     * <li>contains every word either side inserted, exactly once;</li>
     * <li>contains no base word either side deleted or replaced;</li>
     * <li>contains every base word neither side touched, exactly once, in base order;</li>
     * <li>when every server edit is at least two words away from every client edit, the merge must succeed and
     * M equals both sides' edits applied to the base — i.e. the server's edits applied to the client text and
     * the client's edits applied to the server text give this same M.</li>
     * </ul>
     */
    @RepeatedTest(600)
    void noAcknowledgedTextDisappears(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int n = 3 + random.nextInt(40);
        List<String> words = new ArrayList<>();
        List<String> seps = new ArrayList<>();
        String[] separators = {" ", " ", " ", ", ", ".\n\n", "\n", " — "};
        for (int i = 0; i < n; i++) {
            words.add("b" + i);
            seps.add(separators[random.nextInt(separators.length)]);
        }
        List<WordEdit> server = randomEdits(random, n, "S");
        List<WordEdit> client = randomEdits(random, n, "C");

        String base = render(words, seps, List.of());
        String serverText = render(words, seps, server);
        String clientText = render(words, seps, client);
        Optional<String> result = ThreeWayMerge.merge(base, serverText, clientText);
        CASES.incrementAndGet();

        boolean separated = server.stream()
                .allMatch(s -> client.stream().allMatch(c -> s.to() + 2 <= c.from() || c.to() + 2 <= s.from()));
        if (separated) {
            SEPARATED.incrementAndGet();
            assertTrue(
                    result.isPresent(),
                    () -> "separated edits must merge: " + base + " | " + serverText + " | " + clientText);
            List<WordEdit> both = new ArrayList<>(server);
            both.addAll(client);
            both.sort(Comparator.comparingInt(WordEdit::from));
            assertEquals(render(words, seps, both), result.get());
        }
        if (result.isEmpty()) {
            return;
        }
        MERGED.incrementAndGet();
        List<String> merged = ThreeWayMerge.tokenize(result.get()).stream()
                .filter(t -> Character.isLetterOrDigit(t.charAt(0)))
                .toList();
        for (List<WordEdit> side : List.of(server, client)) {
            for (WordEdit e : side) {
                for (String w : e.inserted()) {
                    assertEquals(1, merged.stream().filter(w::equals).count(), "inserted " + w + " in " + merged);
                }
                for (int i = e.from(); i < e.to(); i++) {
                    assertFalse(merged.contains("b" + i), "deleted b" + i + " in " + merged);
                }
            }
        }
        List<String> kept = merged.stream().filter(w -> w.startsWith("b")).toList();
        List<String> untouched = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            if (server.stream().noneMatch(e -> e.from() <= k && k < e.to())
                    && client.stream().noneMatch(e -> e.from() <= k && k < e.to())) {
                untouched.add("b" + i);
            }
        }
        assertEquals(untouched, kept);
    }

    @AfterAll
    static void thePropertyWasExercised() {
        // not a vacuous run: many pairs merged, and many were far enough apart to have to merge
        assertTrue(CASES.get() >= 500, "cases " + CASES.get());
        assertTrue(MERGED.get() >= 100, "merged " + MERGED.get());
        assertTrue(SEPARATED.get() >= 50, "separated " + SEPARATED.get());
    }

    /** 1-3 edits on disjoint, non-adjacent word ranges, sorted. */
    private static List<WordEdit> randomEdits(Random random, int n, String marker) {
        List<WordEdit> edits = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        int at = 0;
        for (int k = 0; k < count && at <= n; k++) {
            int from = at + random.nextInt(Math.max(1, (n - at) / 2 + 1));
            if (from > n) {
                break;
            }
            int to = Math.min(n, from + random.nextInt(3)); // 0: pure insertion
            List<String> inserted = new ArrayList<>();
            int words = to == from ? 1 + random.nextInt(3) : random.nextInt(3); // replacement of 0 words: deletion
            for (int w = 0; w < words; w++) {
                inserted.add(marker + random.nextInt(1_000_000) + "x" + k + w);
            }
            edits.add(new WordEdit(from, to, inserted));
            at = to + 1;
        }
        return edits;
    }

    /** The base words with {@code edits} applied; every inserted word is followed by a space. */
    private static String render(List<String> words, List<String> seps, List<WordEdit> edits) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int e = 0;
        while (true) {
            if (e < edits.size() && edits.get(e).from() == i) {
                edits.get(e).inserted().forEach(w -> out.append(w).append(' '));
                i = edits.get(e).to();
                e++;
            } else if (i < words.size()) {
                out.append(words.get(i)).append(seps.get(i));
                i++;
            } else {
                break;
            }
        }
        return out.toString();
    }
}
