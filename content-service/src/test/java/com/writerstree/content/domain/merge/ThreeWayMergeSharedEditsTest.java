package com.writerstree.content.domain.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * diff3 semantics for changes both sides made (issue #8, item 1): an identical change made on both sides is
 * applied once, whatever its alignment inside the two diffs; a stale text resent after it was merged adds
 * nothing; and the laws merge(b, x, x) = x, merge(b, b, x) = x, merge(b, x, b) = x.
 */
class ThreeWayMergeSharedEditsTest {

    // ------------------------------------------------------------------------------- the two cases

    @Test
    void theSameSentenceAddedOnBothSidesIsKeptOnce() {
        String base = "Chapter 1.\n\nIt rained.\n\nThe end.\n";
        String server = "Chapter 1.\n\nIt rained. She left.\n\nThe end.\n";
        String client = "Chapter One.\n\nIt rained. She left.\n\nThe end.\n";
        assertEquals(
                Optional.of("Chapter One.\n\nIt rained. She left.\n\nThe end.\n"),
                ThreeWayMerge.merge(base, server, client));
    }

    @Test
    void theSameParagraphAppendedOnBothSidesIsKeptOnceAndAResendAddsNothing() {
        String v0 = "Chapter 1.\n\nIt rained all day.\n";
        String paragraph = "\nShe left at noon.\n";
        String device1 = v0 + paragraph; // saved first: v1
        String device2 = "Chapter 1.\n\nIt rained all night.\n" + paragraph; // saved on v0
        String merged = ThreeWayMerge.merge(v0, device1, device2).orElseThrow();
        assertEquals(device2, merged);
        // device 2 never got the acknowledgement and resends the same stale text on v0
        assertEquals(Optional.of(merged), ThreeWayMerge.merge(v0, merged, device2));
        // ... also after device 1 went on writing elsewhere
        String later = merged.replace("Chapter 1.", "Chapter 1: Rain.");
        assertEquals(Optional.of(later), ThreeWayMerge.merge(v0, later, device2));
        assertEquals(Optional.of(later), ThreeWayMerge.merge(v0, later, device1));
    }

    @Test
    void aSharedInsertionNextToTheClientsOwnEditIsNeverDoubled() {
        // the client's Myers diff folds the shared insertion into its replacement of the next word
        Optional<String> merged = ThreeWayMerge.merge("a b c", "a X b c", "a X d c");
        assertTrue(merged.isEmpty() || merged.get().equals("a X d c"), () -> merged.toString());
    }

    @Test
    void identicalDeletionsAlignedDifferentlyDeleteOnce() {
        // both sides deleted one of two equal words; the diffs pick different ones (the client's diff folds its
        // deletion into the replacement of "one"): the merge may refuse, but never deletes both
        Optional<String> merged = ThreeWayMerge.merge("one two two three", "one two three", "ONE two three");
        assertTrue(merged.isEmpty() || merged.get().equals("ONE two three"), () -> merged.toString());
        assertEquals(
                Optional.of("one two three, then"),
                ThreeWayMerge.merge("one two two three", "one two three", "one two two three, then"));
        assertEquals(
                Optional.of("ONE, two three"),
                ThreeWayMerge.merge("one, two two three", "ONE, two two three", "one, two three"));
    }

    // ---------------------------------------------------------------------------------------------- laws

    @RepeatedTest(300)
    void laws(RepetitionInfo repetition) {
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        String b = randomText(random);
        String x = randomText(random);
        assertEquals(Optional.of(x), ThreeWayMerge.merge(b, x, x), "merge(b, x, x)");
        assertEquals(Optional.of(x), ThreeWayMerge.merge(b, b, x), "merge(b, b, x)");
        assertEquals(Optional.of(x), ThreeWayMerge.merge(b, x, b), "merge(b, x, b)");
    }

    // --------------------------------------------------------------------- shared edits at every alignment

    /** Fragments whose alignment inside a diff is ambiguous: they begin or end with the base's separators. */
    private static final List<String> FRAGMENTS = List.of(
            "She left. ",
            " She left.",
            ". She left",
            "\n\nA new paragraph.\n\n",
            "A new paragraph.\n\n",
            "\n\nA new paragraph.",
            ", and then",
            "and then, ",
            " ",
            ".",
            ".\n\n");

    private static final String[] SEPARATORS = {" ", " ", ", ", ". ", ".\n\n", "\n"};

    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger MUST_MERGE = new AtomicInteger();

    /** A base of {@code n} unique words, and its variants with edits. */
    private record Doc(List<String> words, List<String> seps) {
        /**
         * The words with {@code replaceWord} applied and each fragment of {@code insertAt} inserted at its
         * position {@code i}: before word {@code i}, or, for a fragment ending in a letter (". She left"), right
         * after word {@code i - 1}, before that word's separator (so that it never glues onto a word).
         */
        String render(TreeMap<Integer, String> insertAt, TreeMap<Integer, String> replaceWord) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i <= words.size(); i++) {
                String fragment = insertAt.get(i);
                boolean glues = fragment != null && Character.isLetterOrDigit(fragment.charAt(fragment.length() - 1));
                if (fragment != null && (!glues || i == 0)) {
                    out.append(fragment).append(glues ? " " : "");
                }
                if (i < words.size()) {
                    out.append(replaceWord.getOrDefault(i, words.get(i)));
                    if (insertAt.containsKey(i + 1) && endsInLetter(insertAt.get(i + 1))) {
                        out.append(insertAt.get(i + 1));
                    }
                    out.append(seps.get(i));
                }
            }
            return out.toString();
        }

        private static boolean endsInLetter(String fragment) {
            return Character.isLetterOrDigit(fragment.charAt(fragment.length() - 1));
        }
    }

    static Stream<Object[]> alignments() {
        // every fragment at every position (start, middle, end) and inside a word, with the client's own edit at
        // every word of a 7-word base
        List<Object[]> all = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            for (int fragment = -1; fragment < FRAGMENTS.size(); fragment++) { // -1: an insertion inside a word
                for (int at = 0; at <= 7; at++) {
                    all.add(new Object[] {seed, fragment, at});
                }
            }
        }
        return all.stream();
    }

    /**
     * Both sides make the same change at position {@code at} (an insertion of a fragment before word {@code at},
     * or a change inside word {@code at}); the client also replaces one word {@code j}, for every {@code j}.
     * The client's text contains the server's change, so the only right merge is the client's text: the merge
     * must give exactly that or refuse (a conflict), never another text; and it must merge when the client's
     * own edit is at least one untouched word away from the shared change.
     */
    @ParameterizedTest(name = "seed {0}, fragment {1}, at {2}")
    @MethodSource("alignments")
    void aChangeMadeOnBothSidesIsAppliedOnce(int seed, int fragment, int at) {
        Doc doc = randomDoc(new Random(seed * 31L + at), 7);
        boolean inside = fragment < 0;
        if (inside && at == 7) {
            return; // no word 7 to change
        }
        TreeMap<Integer, String> sharedInsert = new TreeMap<>();
        TreeMap<Integer, String> sharedReplace = new TreeMap<>();
        if (inside) {
            sharedReplace.put(at, "w" + "ord" + at); // "w3" -> "word3": letters added inside a word
        } else {
            sharedInsert.put(at, FRAGMENTS.get(fragment));
        }
        String base = doc.render(new TreeMap<>(), new TreeMap<>());
        String server = doc.render(sharedInsert, sharedReplace);
        for (int j = 0; j < 7; j++) {
            if (inside && j == at) {
                continue;
            }
            TreeMap<Integer, String> clientReplace = new TreeMap<>(sharedReplace);
            clientReplace.put(j, "C" + j);
            String client = doc.render(sharedInsert, clientReplace);
            Optional<String> merged = ThreeWayMerge.merge(base, server, client);
            CASES.incrementAndGet();
            String context = "base " + show(base) + " server " + show(server) + " client " + show(client) + " -> "
                    + merged.map(ThreeWayMergeSharedEditsTest::show);
            assertTrue(merged.isEmpty() || merged.get().equals(client), context);
            boolean far = inside ? Math.abs(j - at) >= 2 : j <= at - 2 || j >= at + 1;
            if (far) {
                MUST_MERGE.incrementAndGet();
                assertEquals(Optional.of(client), merged, context);
                // resending the stale client text after the merge adds nothing
                assertEquals(Optional.of(client), ThreeWayMerge.merge(base, client, client), context);
                assertEquals(Optional.of(client), ThreeWayMerge.merge(base, merged.get(), server), context);
            }
        }
    }

    /**
     * Random bases of up to 30 words; both sides make the same change (a fragment or an in-word change) and each
     * side also edits its own word at least two words away. The merge keeps the shared change once and both own
     * edits, loses no word; resending either stale text, also after the server went on elsewhere, adds nothing.
     */
    @RepeatedTest(400)
    void sharedAndOwnEditsMergeAndStaleResendsAreIdempotent(RepetitionInfo repetition) {
        Random random = new Random(77_000L + repetition.getCurrentRepetition());
        int n = 6 + random.nextInt(25);
        Doc doc = randomDoc(random, n);
        int at = random.nextInt(n);
        TreeMap<Integer, String> sharedInsert = new TreeMap<>();
        TreeMap<Integer, String> sharedReplace = new TreeMap<>();
        if (random.nextInt(4) == 0) {
            sharedReplace.put(at, "word" + at);
        } else {
            sharedInsert.put(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        List<Integer> free = IntStream.range(0, n)
                .filter(w -> sharedReplace.isEmpty() ? w <= at - 2 || w >= at + 1 : Math.abs(w - at) >= 2)
                .boxed()
                .toList();
        List<Integer> pairs = new ArrayList<>();
        for (int s : free) {
            for (int c : free) {
                if (Math.abs(s - c) >= 2) {
                    pairs.add(s * 1000 + c);
                }
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        int pair = pairs.get(random.nextInt(pairs.size()));
        int s = pair / 1000;
        int c = pair % 1000;
        TreeMap<Integer, String> serverReplace = new TreeMap<>(sharedReplace);
        serverReplace.put(s, "S" + s);
        TreeMap<Integer, String> clientReplace = new TreeMap<>(sharedReplace);
        clientReplace.put(c, "C" + c);
        TreeMap<Integer, String> bothReplace = new TreeMap<>(serverReplace);
        bothReplace.put(c, "C" + c);

        String base = doc.render(new TreeMap<>(), new TreeMap<>());
        String server = doc.render(sharedInsert, serverReplace);
        String client = doc.render(sharedInsert, clientReplace);
        String expected = doc.render(sharedInsert, bothReplace);
        String context = "base " + show(base) + " server " + show(server) + " client " + show(client);

        assertEquals(Optional.of(expected), ThreeWayMerge.merge(base, server, client), context);
        assertEquals(Optional.of(expected), ThreeWayMerge.merge(base, client, server), context);
        // the client did not get the acknowledgement and resends: nothing is added
        assertEquals(Optional.of(expected), ThreeWayMerge.merge(base, expected, client), context);
        assertEquals(Optional.of(expected), ThreeWayMerge.merge(base, expected, server), context);
        // the server went on at a word neither side touched, then the stale text comes again
        int k = IntStream.range(0, n)
                .filter(w -> Math.abs(w - at) >= 2 && Math.abs(w - s) >= 2 && Math.abs(w - c) >= 2)
                .findFirst()
                .orElse(-1);
        if (k >= 0) {
            TreeMap<Integer, String> laterReplace = new TreeMap<>(bothReplace);
            laterReplace.put(k, "L" + k);
            String later = doc.render(sharedInsert, laterReplace);
            assertEquals(Optional.of(later), ThreeWayMerge.merge(base, later, client), context);
            assertEquals(Optional.of(later), ThreeWayMerge.merge(base, later, server), context);
        }
        CASES.incrementAndGet();
    }

    /**
     * Like above, but the shared change and the two sides' own word edits anywhere, also touching each other:
     * the merge gives exactly the text with all three changes, or refuses; never another text (no doubled or
     * lost word).
     */
    @RepeatedTest(2000)
    void editsAnywhereMergeExactlyOrConflict(RepetitionInfo repetition) {
        Random random = new Random(91_000L + repetition.getCurrentRepetition());
        int n = 2 + random.nextInt(12);
        Doc doc = randomDoc(random, n);
        int at = random.nextInt(n + 1);
        TreeMap<Integer, String> sharedInsert = new TreeMap<>();
        TreeMap<Integer, String> sharedReplace = new TreeMap<>();
        if (random.nextInt(4) == 0 && at < n) {
            sharedReplace.put(at, "word" + at);
        } else {
            sharedInsert.put(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        int s = random.nextInt(n);
        int c = random.nextInt(n);
        if (s == c || sharedReplace.containsKey(s) || sharedReplace.containsKey(c)) {
            return;
        }
        TreeMap<Integer, String> serverReplace = new TreeMap<>(sharedReplace);
        serverReplace.put(s, "S" + s);
        TreeMap<Integer, String> clientReplace = new TreeMap<>(sharedReplace);
        clientReplace.put(c, "C" + c);
        TreeMap<Integer, String> bothReplace = new TreeMap<>(serverReplace);
        bothReplace.put(c, "C" + c);
        String base = doc.render(new TreeMap<>(), new TreeMap<>());
        String server = doc.render(sharedInsert, serverReplace);
        String client = doc.render(sharedInsert, clientReplace);
        String expected = doc.render(sharedInsert, bothReplace);
        Optional<String> merged = ThreeWayMerge.merge(base, server, client);
        assertTrue(
                merged.isEmpty() || merged.get().equals(expected),
                () -> "base " + show(base) + " server " + show(server) + " client " + show(client) + " -> "
                        + merged.map(ThreeWayMergeSharedEditsTest::show));
        if (merged.isPresent()) {
            MERGED_ANYWHERE.incrementAndGet();
        }
    }

    private static final AtomicInteger MERGED_ANYWHERE = new AtomicInteger();

    @AfterAll
    static void thePropertiesWereExercised() {
        assertTrue(CASES.get() >= 1000, "cases " + CASES.get());
        assertTrue(MUST_MERGE.get() >= 300, "must-merge cases " + MUST_MERGE.get());
        assertTrue(MERGED_ANYWHERE.get() >= 500, "merged anywhere " + MERGED_ANYWHERE.get());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Doc randomDoc(Random random, int n) {
        List<String> words = new ArrayList<>();
        List<String> seps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add("w" + i);
            seps.add(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return new Doc(words, seps);
    }

    private static String randomText(Random random) {
        String[] pieces = {"a", "b", "the", " ", " ", ".", "\n\n", ", ", "word", "東", "😀", "x y"};
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            out.append(pieces[random.nextInt(pieces.length)]);
        }
        return out.toString();
    }

    private static String show(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }
}
