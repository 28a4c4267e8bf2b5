package com.writerstree.suggestion.domain.lm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A writer's own model, linked to the base model it is mixed with: the id maps let the suggester score a word in
 * both models without a string lookup per candidate.
 *
 * <p>It also knows the writer's names (words she writes with a capital inside a sentence, most frequent first) and
 * the base model's names she never used ({@code foreignName}: the characters and places of the base novels). Names
 * come in bursts, so a name absent from a whole project is evidence that it will not come; the suggester gives the
 * base model's probability of those names to hers (see {@link Suggester}).
 */
public final class WriterModel {

    final KneserNeyModel model;
    final int[] fromBase;
    final int[] toBase;
    /** Per base id: a name of the base text that the writer never wrote. */
    final boolean[] foreignName;
    /** The sum of the base model's unigram probabilities of those names. */
    final double foreignUnigram;
    /** The writer's names (writer ids), most often written first. */
    final int[] names;
    /** How often the writer wrote a name, all names together. */
    final long nameOccurrences;
    /** This project's writer weight ({@link WriterWeight}), NaN for the configured one. */
    final double weight;

    public WriterModel(KneserNeyModel base, KneserNeyModel model) {
        this(base, model, Double.NaN);
    }

    /** @param weight the project's writer weight estimated when it was learned, NaN for the configured one */
    public WriterModel(KneserNeyModel base, KneserNeyModel model, double weight) {
        this.model = model;
        this.weight = weight;
        fromBase = new int[base.vocabularySize()];
        toBase = new int[model.vocabularySize()];
        foreignName = new boolean[base.vocabularySize()];
        double foreign = 0;
        for (int b = 0; b < fromBase.length; b++) {
            fromBase[b] = model.id(base.key(b));
            if (fromBase[b] < 0 && base.isName(b)) {
                foreignName[b] = true;
                foreign += base.unigram(b);
            }
        }
        foreignUnigram = foreign;
        for (int w = 0; w < toBase.length; w++) {
            toBase[w] = base.id(model.key(w));
        }
        names = IntStream.range(0, model.vocabularySize())
                .filter(w -> model.isName(w) && model.occurrences(w) > 0)
                .boxed()
                .sorted(Comparator.comparingInt((Integer w) -> -model.occurrences(w))
                        .thenComparingInt(w -> w))
                .mapToInt(Integer::intValue)
                .toArray();
        nameOccurrences = Arrays.stream(names).mapToLong(model::occurrences).sum();
    }

    /** Skip bigrams (w-2, w) of her text: per writer id the followers one word later, their counts, totals. */
    int[] skipStart;

    char[] skipChild;
    int[] skipCount;
    int[] skipTotal;
    double skipDiscount;

    /** Builds the skip bigrams from her 4-grams (a b c d): the pair (b, d), counted as often as the 4-gram. */
    synchronized void buildSkip() {
        if (skipStart != null) {
            return;
        }
        LongIntMap pairs = new LongIntMap(1 << 16);
        long[] last = new long[1];
        model.forEachHighest(
                g -> last[0] = ((long) NgramCounts.word(g, 1) << 16) | NgramCounts.word(g, 3),
                c -> pairs.add(last[0], c));
        long[] keys = pairs.sortedKeys();
        int v = model.vocabularySize();
        int[] start = new int[v + 1];
        char[] child = new char[keys.length];
        int[] count = new int[keys.length];
        int[] total = new int[v];
        long n1 = 0;
        long n2 = 0;
        for (int i = 0; i < keys.length; i++) {
            int b = (int) (keys[i] >>> 16);
            child[i] = (char) (keys[i] & 0xFFFF);
            count[i] = pairs.get(keys[i]);
            total[b] += count[i];
            start[b + 1]++;
            if (count[i] == 1) {
                n1++;
            } else if (count[i] == 2) {
                n2++;
            }
        }
        for (int b = 0; b < v; b++) {
            start[b + 1] += start[b];
        }
        skipDiscount = n1 + n2 == 0 ? 0.5 : Math.max(0.1, Math.min(0.95, n1 / (n1 + 2.0 * n2)));
        skipChild = child;
        skipCount = count;
        skipTotal = total;
        skipStart = start;
    }

    /** P_skip(w | the word two back, writer id x), absolute discounting to her unigram. */
    double skip(int x, int w) {
        double uni = model.unigram(w);
        if (x < 0 || skipTotal[x] == 0) {
            return uni;
        }
        int i = java.util.Arrays.binarySearch(skipChild, skipStart[x], skipStart[x + 1], (char) w);
        double own = i >= 0 ? Math.max(0, skipCount[i] - skipDiscount) : 0;
        int distinct = skipStart[x + 1] - skipStart[x];
        return (own + skipDiscount * distinct * uni) / skipTotal[x];
    }

    public KneserNeyModel model() {
        return model;
    }

    public double weight() {
        return weight;
    }

    /** The share of the writer's name occurrences that are this name (writer id), 0 for a word that is no name. */
    double nameShare(int w) {
        return w < 0 || nameOccurrences == 0 || !model.isName(w) ? 0 : model.occurrences(w) / (double) nameOccurrences;
    }

    /** Roughly the heap this model takes (for the cache's budget). */
    public long weightBytes() {
        return model.storedNgrams() * 30
                + (fromBase.length + toBase.length + names.length) * 4L
                + foreignName.length
                + model.vocabularySize() * 124L;
    }
}
