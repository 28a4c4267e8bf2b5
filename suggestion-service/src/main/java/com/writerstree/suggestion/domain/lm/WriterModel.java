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
                + model.vocabularySize() * 132L;
    }
}
