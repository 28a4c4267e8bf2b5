package com.writerstree.content.domain.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.content.persistence.StoredRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The byte-identity property of the revision chain, without a database: seeded random edit sequences written as
 * keyframes and deltas by the {@link KeyframePolicy}, pruned in between by the window's rule (everything before the
 * keyframe the oldest kept revision needs), and every kept version rebuilt from the rows the read query returns
 * (the newest keyframe at or below it, then the rows after it). The SQL path: {@code RevisionsTest}.
 */
class RevisionChainTest {

    /** What {@code RevisionRepository.chainTo} selects from the kept rows (oldest first). */
    private static List<StoredRevision> chainTo(List<StoredRevision> kept, int version) {
        int keyframe = -1;
        for (StoredRevision row : kept) {
            if (row.version() <= version && row.isKeyframe()) {
                keyframe = row.version();
            }
        }
        int from = keyframe;
        return from < 0
                ? List.of()
                : kept.stream()
                        .filter(r -> r.version() >= from && r.version() <= version)
                        .toList();
    }

    @RepeatedTest(300)
    void everyKeptVersionRebuildsExactlyTheTextSavedAsIt(RepetitionInfo repetition) {
        Random random = new Random(42_000 + repetition.getCurrentRepetition());
        KeyframePolicy policy = new KeyframePolicy(1 + random.nextInt(12), 0.05 + random.nextDouble() * 1.5);
        List<String> saved = new ArrayList<>(List.of("")); // saved.get(v) = the text of version v
        List<StoredRevision> kept = new ArrayList<>();
        List<StoredRevision.Chain> chains = new ArrayList<>(List.of(StoredRevision.Chain.KEYFRAME));
        int keyframes = 0;
        for (int version = 1; version <= 150; version++) {
            String previous = saved.get(version - 1);
            String text = RandomEdits.edit(random, previous);
            saved.add(text);
            boolean previousKept = !kept.isEmpty() && kept.get(kept.size() - 1).version() == version - 1;
            RevisionDelta delta = RevisionDelta.between(previous, text);
            StoredRevision.Chain chain =
                    policy.next(previousKept ? chains.get(version - 1) : null, delta.middleLength(text), text.length());
            chains.add(chain);
            if (chain.length() == 0) {
                kept.add(StoredRevision.keyframe(version, text));
                keyframes++;
            } else {
                assertTrue(chain.length() <= policy.maxChain());
                assertTrue(chain.chars() <= policy.maxChainFraction() * text.length());
                assertTrue(RandomEdits.wellFormed(delta.middle(text)));
                kept.add(StoredRevision.delta(version, delta.prefix(), delta.suffix(), delta.middle(text)));
            }
            assertEquals(Optional.of(text), RevisionChain.text(chainTo(kept, version), version));

            if (random.nextInt(8) == 0) { // prune: a random oldest-kept version, and the keyframe it needs
                int oldestKept = kept.get(0).version()
                        + random.nextInt(version - kept.get(0).version() + 1);
                int anchor = chainTo(kept, oldestKept).get(0).version();
                kept.removeIf(r -> r.version() < anchor);
                assertTrue(kept.get(0).isKeyframe());
                for (StoredRevision row : kept) {
                    assertEquals(
                            Optional.of(saved.get(row.version())),
                            RevisionChain.text(chainTo(kept, row.version()), row.version()),
                            "version " + row.version() + " after pruning");
                }
            }
        }
        for (StoredRevision row : kept) {
            assertEquals(
                    Optional.of(saved.get(row.version())),
                    RevisionChain.text(chainTo(kept, row.version()), row.version()));
        }
        assertTrue(keyframes >= 150 / (policy.maxChain() + 1));
    }

    @Test
    void aChainThatIsNotWholeGivesNoTextRatherThanAWrongOne() {
        StoredRevision k1 = StoredRevision.keyframe(1, "It was a dark night.");
        StoredRevision d2 = StoredRevision.delta(2, 14, 6, "and stormy ");
        StoredRevision d3 = StoredRevision.delta(3, 0, 0, "x");
        assertEquals(Optional.of("It was a dark and stormy night."), RevisionChain.text(List.of(k1, d2), 2));
        assertEquals(Optional.of("x"), RevisionChain.text(List.of(k1, d2, d3), 3));
        assertEquals(Optional.empty(), RevisionChain.text(List.of(d2, d3), 3)); // keyframe pruned
        assertEquals(Optional.empty(), RevisionChain.text(List.of(k1, d3), 3)); // a gap
        assertEquals(Optional.empty(), RevisionChain.text(List.of(k1, d2), 3)); // not up to the version
        assertEquals(Optional.empty(), RevisionChain.text(List.of(), 1));
        // a delta that does not fit the text before it
        assertEquals(Optional.empty(), RevisionChain.text(List.of(k1, StoredRevision.delta(2, 15, 6, "")), 2));
        assertEquals(Optional.empty(), RevisionChain.text(List.of(k1, StoredRevision.delta(2, -1, 0, "")), 2));
    }

    /**
     * A 150,000-word novel (~765 kB) and a full chain of one-word edits (the default 1,000 deltas): rebuilt exactly;
     * the time is printed (the piece table copies the text once, not once per delta).
     */
    @Test
    void aNovelWithAThousandOneWordEditsRebuildsExactly() {
        Random random = new Random(150_000);
        String[] vocabulary =
                "the night was dark and she waited for him by a window while rain fell on 😀 roofs".split(" ");
        StringBuilder novel = new StringBuilder();
        for (int i = 0; i < 150_000; i++) {
            novel.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 12 == 11 ? ".\n" : " ");
        }
        String text = novel.toString();
        // what a save computes for a one-word edit of the novel (timed on a few)
        long deltaNanos = 0;
        for (int i = 0; i < 20; i++) {
            int at = text.indexOf(' ', random.nextInt(text.length() / 2)) + 1;
            String next = text.substring(0, at) + "x" + text.substring(at);
            long t0 = System.nanoTime();
            RevisionDelta delta = RevisionDelta.between(text, next);
            deltaNanos += System.nanoTime() - t0;
            assertEquals(new RevisionDelta(at, text.length() - at), delta);
        }
        // the chain: 1,000 one-word replacements, applied to the expected text in place
        List<StoredRevision> rows = new ArrayList<>(List.of(StoredRevision.keyframe(1, text)));
        StringBuilder expected = new StringBuilder(text);
        for (int version = 2; version <= 1001; version++) {
            int at = expected.indexOf(" ", random.nextInt(expected.length() / 2)) + 1;
            int end = expected.indexOf(" ", at);
            String word = vocabulary[random.nextInt(vocabulary.length)];
            rows.add(StoredRevision.delta(version, at, expected.length() - end, word));
            expected.replace(at, end, word);
        }
        long started = System.nanoTime();
        Optional<String> rebuilt = RevisionChain.text(rows, 1001);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Optional.of(expected.toString()), rebuilt);
        System.out.printf(
                "revision chain: %d chars; a save's delta %.2f ms on average; rebuilt from a keyframe and 1000"
                        + " deltas in %d ms%n",
                text.length(), deltaNanos / 20 / 1e6, millis);
    }
}
