package com.writerstree.suggestion.domain.lm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An interpolated 4-gram language model with modified Kneser-Ney smoothing (Chen and Goodman 1998): three
 * discounts per order (for n-grams seen once, twice, three or more times) estimated from the counts of counts,
 * the highest order on raw counts and the lower orders on continuation counts (in how many different contexts a
 * word follows), the unigram level interpolated with the uniform distribution. So
 *
 * <pre>
 *   P(w | h) = max(c(h w) - D(c(h w)), 0) / c(h ·) + gamma(h) P(w | h'),  gamma(h) = sum over w of min(D(c(h w)), c(h w)) / c(h ·)
 * </pre>
 *
 * and for a context never seen, {@code P(w | h) = P(w | h')}. For every context the probabilities of all
 * vocabulary words sum to 1.
 *
 * <p>Memory: sorted primitive arrays, about 30 bytes per stored n-gram, no object per n-gram; lookups are binary
 * searches. Immutable and thread-safe once built.
 */
public final class KneserNeyModel {

    private final String[] keys;
    private final String[] surfaces;
    private final Map<String, Integer> ids;
    private final boolean[] suggestible;
    private final double[] unigram;
    /** Suggestible word ids, most probable unigram first. */
    private final int[] ranked;
    /** The same ids sorted by key, so the words with a prefix are one range (found by binary search). */
    private final int[] byKey;
    /** Each word's position in {@link #ranked}, -1 for a word that is not suggestible. */
    private final int[] rankOf;
    /** Orders 2, 3, 4. */
    private final Level[] levels = new Level[NgramCounts.ORDER - 1];
    /** How often each word occurs in the text (the raw counts of the 4-grams ending in it; see NgramCounts). */
    private final int[] occurrences;

    private final long storedNgrams;

    public KneserNeyModel(NgramCounts counts) {
        int v = counts.vocabularySize();
        keys = counts.keys.toArray(String[]::new);
        surfaces = counts.surfaces.toArray(String[]::new);
        ids = new HashMap<>(v * 2);
        suggestible = new boolean[v];
        for (int i = 0; i < v; i++) {
            ids.put(keys[i], i);
            suggestible[i] = i != NgramCounts.UNKNOWN && !Tokenizer.isPunctuation(keys[i]);
        }
        // order 4 on raw counts; each lower order on continuation counts taken from the distinct n-grams above it
        long[] grams = counts.grams;
        int[] gramCounts = counts.counts;
        occurrences = new int[v];
        for (int i = 0; i < grams.length; i++) {
            occurrences[NgramCounts.word(grams[i], NgramCounts.ORDER - 1)] += gramCounts[i];
        }
        long stored = 0;
        for (int order = NgramCounts.ORDER; order >= 2; order--) {
            levels[order - 2] = new Level(grams, gramCounts);
            stored += grams.length;
            LongIntMap lower = new LongIntMap(grams.length);
            long mask = (1L << (16 * (order - 1))) - 1;
            for (long g : grams) {
                long suffix = g & mask;
                if (suffix != 0) {
                    lower.add(suffix, 1);
                }
            }
            grams = lower.sortedKeys();
            gramCounts = new int[grams.length];
            for (int i = 0; i < grams.length; i++) {
                gramCounts[i] = lower.get(grams[i]);
            }
        }
        storedNgrams = stored + grams.length;
        int[] continuation = new int[v];
        for (int i = 0; i < grams.length; i++) {
            continuation[(int) grams[i]] = gramCounts[i];
        }
        double[] d = discounts(continuation);
        double total = 0;
        double held = 0;
        for (int c : continuation) {
            total += c;
            held += Math.min(discount(d, c), c);
        }
        unigram = new double[v];
        for (int w = 0; w < v; w++) {
            unigram[w] = total == 0
                    ? 1.0 / v
                    : (continuation[w] - Math.min(discount(d, continuation[w]), continuation[w])) / total
                            + held / total / v;
        }
        ranked = java.util.stream.IntStream.range(0, v)
                .filter(w -> suggestible[w])
                .boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer w) -> -unigram[w])
                        .thenComparingInt(w -> w))
                .mapToInt(Integer::intValue)
                .toArray();
        rankOf = new int[v];
        java.util.Arrays.fill(rankOf, -1);
        for (int i = 0; i < ranked.length; i++) {
            rankOf[ranked[i]] = i;
        }
        byKey = java.util.Arrays.stream(ranked)
                .boxed()
                .sorted(java.util.Comparator.comparing((Integer w) -> keys[w]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    public int vocabularySize() {
        return keys.length;
    }

    public long storedNgrams() {
        return storedNgrams;
    }

    /** The id of a case-folded word, or -1. */
    public int id(String key) {
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }

    public String key(int id) {
        return keys[id];
    }

    /** The form the word is usually written in (e.g. "Anne", "I", "to-morrow"). */
    public String surface(int id) {
        return surfaces[id];
    }

    public boolean suggestible(int id) {
        return suggestible[id];
    }

    int[] ranked() {
        return ranked;
    }

    /**
     * The first {@code limit} words of {@link #ranked()} (the most probable unigrams) whose key starts with
     * {@code prefix}, in that order: what a scan of the ranked list would take, without reading the whole
     * vocabulary when few words share the prefix (a binary search for the prefix's range among the keys, then the
     * best ranks inside it).
     */
    int[] mostProbable(String prefix, int limit) {
        if (prefix.isEmpty()) {
            return java.util.Arrays.copyOf(ranked, Math.min(limit, ranked.length));
        }
        int lo = 0;
        int hi = byKey.length;
        while (lo < hi) { // first key >= prefix
            int mid = (lo + hi) >>> 1;
            if (keys[byKey[mid]].compareTo(prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int start = lo;
        hi = byKey.length;
        while (lo < hi) { // from start on, the keys with the prefix come first: find where they end
            int mid = (lo + hi) >>> 1;
            if (keys[byKey[mid]].startsWith(prefix)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int n = Math.min(limit, lo - start);
        int[] best = new int[n];
        int size = 0;
        for (int i = start; i < lo && n > 0; i++) {
            int w = byKey[i];
            int rank = rankOf[w];
            if (size == n && rank >= rankOf[best[n - 1]]) {
                continue;
            }
            int j = size < n ? size++ : n - 1;
            while (j > 0 && rankOf[best[j - 1]] > rank) {
                best[j] = best[j - 1];
                j--;
            }
            best[j] = w;
        }
        return best;
    }

    /** Where the last three tokens (case-folded, oldest first) are found in the model. */
    public Context context(List<String> lastKeys) {
        int[] w = new int[NgramCounts.ORDER - 1];
        int pad = w.length - lastKeys.size();
        for (int i = 0; i < w.length; i++) {
            int id = i < pad ? id(Tokenizer.PERIOD) : id(lastKeys.get(i - pad));
            w[i] = id < 0 ? NgramCounts.UNKNOWN : id;
        }
        int[] found = new int[levels.length];
        Arrays.fill(found, -1);
        long ctx = 0;
        for (int level = 0; level < levels.length; level++) {
            ctx |= (long) w[w.length - 1 - level] << (16 * level);
            int index = Arrays.binarySearch(levels[level].contexts, ctx);
            if (index < 0) {
                break; // a longer context cannot be known when its suffix is not
            }
            found[level] = index;
        }
        return new Context(found);
    }

    /** P(word | context). */
    public double probability(Context context, int word) {
        if (word < 0) {
            return 0;
        }
        double p = unigram[word];
        for (int level = 0; level < levels.length; level++) {
            int index = context.found[level];
            if (index < 0) {
                break;
            }
            p = levels[level].interpolate(index, word, p);
        }
        return p;
    }

    /**
     * P(word | context) with this model's n-gram levels interpolated over {@code lower} instead of its own unigram
     * level: the Kneser-Ney chain of this (small) model backs off into another distribution (a writer's model over
     * the base model). For a word this model does not know, pass -1: only the backoff weights apply.
     */
    public double probabilityOver(Context context, int word, double lower) {
        double p = lower;
        for (int level = 0; level < levels.length; level++) {
            int index = context.found[level];
            if (index < 0) {
                break;
            }
            p = word < 0 ? levels[level].gamma[index] * p : levels[level].interpolate(index, word, p);
        }
        return p;
    }

    /** How often the word occurs in the text the model was built from. */
    public int occurrences(int word) {
        return occurrences[word];
    }

    /**
     * Whether the word is a name: usually written with a capital inside a sentence ("Anne", "Kellynch", "Mr."), not
     * "I".
     */
    public boolean isName(int word) {
        return suggestible[word] && Character.isUpperCase(surfaces[word].charAt(0)) && !"i".equals(keys[word]);
    }

    /**
     * The weight the context gives its lowest (unigram) level: the product of the backoff weights of every order at
     * which it was found. A word never seen after the last token has {@code P(w | h) = backoffToUnigram(h) P(w)}.
     */
    double backoffToUnigram(Context context) {
        double g = 1;
        for (int level = 0; level < levels.length; level++) {
            int index = context.found[level];
            if (index < 0) {
                break;
            }
            g *= levels[level].gamma[index];
        }
        return g;
    }

    /** The unigram probability of a word of this model. */
    public double unigram(int word) {
        return unigram[word];
    }

    /** Calls {@code action} with every word seen after the last token of the context (a superset of the words
     * seen after the longer contexts). */
    void forEachFollower(Context context, java.util.function.IntConsumer action) {
        int index = context.found[0];
        if (index < 0) {
            return;
        }
        Level level = levels[0];
        for (int i = level.start[index]; i < level.start[index + 1]; i++) {
            action.accept(level.children[i]);
        }
    }

    /**
     * How often the longest known context was seen (for order 4 its raw count; for a lower order the number of
     * different words that preceded it), 0 when even the last token is unknown.
     */
    double evidence(Context context) {
        for (int level = levels.length - 1; level >= 0; level--) {
            int index = context.found[level];
            if (index >= 0) {
                return 1 / (double) levels[level].inverseTotal[index];
            }
        }
        return 0;
    }

    /** The found position of each order's context (order 2 first), -1 where not found. */
    public record Context(int[] found) {}

    private static double[] discounts(int[] counts) {
        long[] n = new long[5];
        for (int c : counts) {
            if (c >= 1 && c <= 4) {
                n[c]++;
            }
        }
        double[] d = {0.5, 1.0, 1.5};
        if (n[1] > 0 && n[2] > 0) {
            double y = (double) n[1] / (n[1] + 2.0 * n[2]);
            d[0] = 1 - 2 * y * n[2] / n[1];
            if (n[3] > 0) {
                d[1] = 2 - 3 * y * n[3] / n[2];
                if (n[4] > 0) {
                    d[2] = 3 - 4 * y * n[4] / n[3];
                }
            }
        }
        // small or odd corpora: keep each discount within (0, its count]
        for (int i = 0; i < 3; i++) {
            if (!(d[i] > 0)) {
                d[i] = 0.5 * (i + 1);
            }
            d[i] = Math.min(d[i], i + 1);
        }
        return d;
    }

    private static double discount(double[] d, int count) {
        return count <= 0 ? 0 : d[Math.min(count, 3) - 1];
    }

    /** One order: contexts (sorted, packed ids) and, per context, its followers with their counts. */
    private static final class Level {
        final long[] contexts;
        final int[] start;
        final float[] inverseTotal;
        final float[] gamma;
        final char[] children;
        final int[] counts;
        final double[] d;

        Level(long[] grams, int[] gramCounts) {
            d = discounts(gramCounts);
            children = new char[grams.length];
            counts = gramCounts;
            int contextCount = 0;
            for (int i = 0; i < grams.length; i++) {
                if (i == 0 || grams[i] >>> 16 != grams[i - 1] >>> 16) {
                    contextCount++;
                }
            }
            contexts = new long[contextCount];
            start = new int[contextCount + 1];
            inverseTotal = new float[contextCount];
            gamma = new float[contextCount];
            int c = -1;
            for (int i = 0; i < grams.length; i++) {
                children[i] = (char) (grams[i] & 0xFFFF);
                if (i == 0 || grams[i] >>> 16 != grams[i - 1] >>> 16) {
                    c++;
                    contexts[c] = grams[i] >>> 16;
                    start[c] = i;
                }
            }
            start[contextCount] = grams.length;
            for (c = 0; c < contextCount; c++) {
                double total = 0;
                double held = 0;
                for (int i = start[c]; i < start[c + 1]; i++) {
                    total += counts[i];
                    held += Math.min(discount(d, counts[i]), counts[i]);
                }
                inverseTotal[c] = (float) (1 / total);
                gamma[c] = (float) (held / total);
            }
        }

        double interpolate(int context, int word, double lower) {
            int i = Arrays.binarySearch(children, start[context], start[context + 1], (char) word);
            double own = 0;
            if (i >= 0) {
                int c = counts[i];
                own = (c - Math.min(discount(d, c), c)) * (double) inverseTotal[context];
            }
            return own + gamma[context] * lower;
        }
    }
}
