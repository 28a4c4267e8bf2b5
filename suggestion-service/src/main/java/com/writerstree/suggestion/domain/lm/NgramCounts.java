package com.writerstree.suggestion.domain.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw material of a model: a vocabulary (case-folded keys with the written form a suggestion shows) and the
 * counts of every 4-gram of token ids. Lower orders are not stored: {@link KneserNeyModel} derives their
 * continuation counts from the 4-grams, which is also why each text is preceded by {@link #ORDER}-1 periods
 * (so that every real token ends some 4-gram, and an empty context reads as the start of a sentence).
 *
 * <p>A 4-gram is packed into one {@code long}, 16 bits per id: a vocabulary holds at most 65,535 words; later
 * new words count as the unknown word (id 0), which is never suggested.
 */
public final class NgramCounts {

    public static final int ORDER = 4;
    public static final int MAX_VOCABULARY = 0xFFFF;
    static final int UNKNOWN = 0;

    final List<String> keys;
    final List<String> surfaces;
    /** Packed 4-grams in unsigned ascending order, and their counts. */
    final long[] grams;

    final int[] counts;

    NgramCounts(List<String> keys, List<String> surfaces, long[] grams, int[] counts) {
        this.keys = keys;
        this.surfaces = surfaces;
        this.grams = grams;
        this.counts = counts;
    }

    public int vocabularySize() {
        return keys.size();
    }

    public int distinctNgrams() {
        return grams.length;
    }

    public long tokens() {
        long sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    /**
     * How often each word of the vocabulary occurs in the learned text, by its written form: every token ends exactly
     * one 4-gram (see the class comment), so the counts of the 4-grams ending in a word add up to its occurrences.
     * The unknown word and tokens without a letter or digit (punctuation, the padding periods) are left out.
     */
    public Map<String, Long> wordFrequencies() {
        long[] perId = new long[keys.size()];
        for (int i = 0; i < grams.length; i++) {
            perId[word(grams[i], ORDER - 1)] += counts[i];
        }
        Map<String, Long> out = new HashMap<>();
        for (int id = 0; id < perId.length; id++) {
            String surface = surfaces.get(id);
            if (id != UNKNOWN && perId[id] > 0 && surface.codePoints().anyMatch(Character::isLetterOrDigit)) {
                out.merge(surface, perId[id], Long::sum);
            }
        }
        return out;
    }

    static long pack(int w1, int w2, int w3, int w4) {
        return ((long) w1 << 48) | ((long) w2 << 32) | ((long) w3 << 16) | w4;
    }

    static int word(long gram, int position) {
        return (int) (gram >>> (16 * (ORDER - 1 - position))) & 0xFFFF;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Counts texts; {@link #build} freezes them. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> keys = new ArrayList<>();
        private final List<Map<String, Integer>> written = new ArrayList<>();
        private final LongIntMap grams = new LongIntMap(1 << 16);

        Builder() {
            id("<unk>");
        }

        /** Adds one text (a book, a manuscript), already tokenised. */
        public Builder add(List<String> tokens) {
            int[] window = new int[ORDER];
            int period = id(Tokenizer.PERIOD);
            java.util.Arrays.fill(window, period);
            boolean sentenceStart = true;
            for (String token : tokens) {
                String key = Tokenizer.key(token);
                int id = id(key);
                if (id != UNKNOWN && !sentenceStart) {
                    written.get(id).merge(token, 1, Integer::sum);
                }
                System.arraycopy(window, 1, window, 0, ORDER - 1);
                window[ORDER - 1] = id;
                long packed = pack(window[0], window[1], window[2], window[3]);
                if (packed != 0) {
                    grams.add(packed, 1);
                }
                sentenceStart = Tokenizer.endsSentence(token);
            }
            return this;
        }

        private int id(String key) {
            Integer id = ids.get(key);
            if (id != null) {
                return id;
            }
            if (keys.size() >= MAX_VOCABULARY) {
                return UNKNOWN;
            }
            int next = keys.size();
            ids.put(key, next);
            keys.add(key);
            written.add(new HashMap<>(2));
            return next;
        }

        public NgramCounts build() {
            List<String> surfaces = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                surfaces.add(mostWritten(keys.get(i), written.get(i)));
            }
            long[] sorted = grams.sortedKeys();
            int[] counts = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                counts[i] = grams.get(sorted[i]);
            }
            return new NgramCounts(List.copyOf(keys), List.copyOf(surfaces), sorted, counts);
        }

        /** The form the word is most often written in inside a sentence (names keep their capital, "I" too). */
        private static String mostWritten(String key, Map<String, Integer> forms) {
            String best = key;
            int bestCount = 0;
            for (Map.Entry<String, Integer> e : forms.entrySet()) {
                int c = e.getValue();
                if (c > bestCount || c == bestCount && e.getKey().compareTo(best) < 0) {
                    best = e.getKey();
                    bestCount = c;
                }
            }
            return best;
        }
    }
}
