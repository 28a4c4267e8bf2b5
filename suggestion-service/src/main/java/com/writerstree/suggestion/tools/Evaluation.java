package com.writerstree.suggestion.tools;

import com.writerstree.suggestion.domain.lm.KneserNeyModel;
import com.writerstree.suggestion.domain.lm.Suggester;
import com.writerstree.suggestion.domain.lm.Tokenizer;
import com.writerstree.suggestion.domain.lm.WriterModel;
import java.util.Arrays;
import java.util.List;

/**
 * Next-word accuracy and keystroke savings of the suggester on text it was not trained on.
 *
 * <ul>
 *   <li><b>top-1 / top-3</b>: for every word of the text, the share of positions where the word is the first / among
 *       the first three suggestions made from the text before it (no prefix typed). Punctuation is context only.
 *   <li><b>keystroke savings</b>: a writer types a word letter by letter and, after every keystroke (and before the
 *       first), looks at the three suggestions; when the word is there, one tap inserts it with its trailing space.
 *       Without suggestions, a word costs its letters plus a space, a punctuation mark one key. {@code charsSaved} is
 *       the share of characters the writer did not type (the measure); {@code netSavings} also charges one
 *       key per accepted suggestion.
 * </ul>
 */
public final class Evaluation {

    /** Tokens of context given with each question: about the 1000 characters the service reads. */
    static final int HISTORY = Integer.getInteger("evaluation.history", 200);

    private Evaluation() {}

    public record Result(
            long words,
            double top1,
            double top3,
            long keystrokeWords,
            double charsSaved,
            double netSavings,
            double meanMicros,
            double p50Micros,
            double p99Micros,
            double repeatedQueries) {

        @Override
        public String toString() {
            return String.format(
                    "words %d: top-1 %.1f %%, top-3 %.1f %%; keystrokes over %d words: characters saved %.1f %%, net of"
                            + " accept taps %.1f %%; suggest() mean %.0f us, p50 %.0f us, p99 %.0f us; queries whose"
                            + " (context, prefix) was asked before: %.1f %%",
                    words,
                    100 * top1,
                    100 * top3,
                    keystrokeWords,
                    100 * charsSaved,
                    100 * netSavings,
                    meanMicros,
                    p50Micros,
                    p99Micros,
                    100 * repeatedQueries);
        }
    }

    /**
     * @param keystrokeWords how many of the text's words (from its start) the keystroke simulation covers (it asks
     *     up to one question per letter, so it is the slow part)
     */
    public static Result run(
            KneserNeyModel base,
            WriterModel writer,
            Suggester.Weights writerWeight,
            List<String> tokens,
            int keystrokeWords) {
        long words = 0;
        long hit1 = 0;
        long hit3 = 0;
        long plainKeys = 0;
        long typedKeys = 0;
        long taps = 0;
        long simulated = 0;
        long[] nanos = new long[tokens.size() * 2];
        // how often a next-word query repeats an earlier one exactly: the best hit rate a cache of contexts could have
        java.util.Set<String> asked = new java.util.HashSet<>();
        long repeated = 0;
        int timed = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean word = !Tokenizer.isPunctuation(token);
            boolean simulate = simulated < keystrokeWords;
            if (word && simulate) {
                simulated++;
            }
            if (!word) {
                if (simulate) {
                    plainKeys += token.length();
                    typedKeys += token.length();
                }
                continue;
            }
            String key = Tokenizer.key(token);
            // the text before the word, about as much as the service reads (suggestion.context-chars)
            List<String> before = tokens.subList(Math.max(0, i - HISTORY), i);
            if (!asked.add(String.join(" ", tokens.subList(Math.max(0, i - 3), i))
                    .toLowerCase(java.util.Locale.ROOT))) {
                repeated++;
            }
            long start = System.nanoTime();
            List<Suggester.Suggestion> next =
                    Suggester.suggest(base, writer, writerWeight, new Tokenizer.Typed(before, ""), 3);
            if (timed < nanos.length) {
                nanos[timed++] = System.nanoTime() - start;
            }
            words++;
            int rank = rank(next, key);
            if (rank == 0) {
                hit1++;
            }
            if (rank >= 0) {
                hit3++;
            }
            if (!simulate) {
                continue;
            }
            plainKeys += key.length() + 1;
            int typed = key.length() + 1; // all letters and the space, unless a suggestion comes first
            for (int j = 0; j < key.length(); j++) {
                int r = j == 0
                        ? rank
                        : rank(
                                Suggester.suggest(
                                        base,
                                        writer,
                                        writerWeight,
                                        new Tokenizer.Typed(before, token.substring(0, j)),
                                        3),
                                key);
                if (r >= 0) {
                    typed = j;
                    taps++;
                    break;
                }
            }
            typedKeys += typed;
        }
        long[] sorted = Arrays.copyOf(nanos, timed);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000;
        double p99 = sorted.length == 0
                ? 0
                : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
        double saved = plainKeys == 0 ? 0 : 1 - (double) typedKeys / plainKeys;
        double net = plainKeys == 0 ? 0 : 1 - (double) (typedKeys + taps) / plainKeys;
        double p50 = sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1000.0;
        return new Result(
                words,
                ratio(hit1, words),
                ratio(hit3, words),
                simulated,
                saved,
                net,
                mean,
                p50,
                p99,
                ratio(repeated, words));
    }

    private static int rank(List<Suggester.Suggestion> suggestions, String key) {
        for (int i = 0; i < suggestions.size(); i++) {
            if (Tokenizer.key(suggestions.get(i).word()).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
