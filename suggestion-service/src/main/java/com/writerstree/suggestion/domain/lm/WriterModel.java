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
    /** This project's writer weights ({@link WriterWeight}), {@code Estimate.NONE} for the configured one. */
    final WriterWeight.Estimate weight;

    public WriterModel(KneserNeyModel base, KneserNeyModel model) {
        this(base, model, WriterWeight.Estimate.NONE);
    }

    /**
     * @param weight the project's writer weights estimated when it was learned, {@code Estimate.NONE} for the
     *     configured one
     */
    public WriterModel(KneserNeyModel base, KneserNeyModel model, WriterWeight.Estimate weight) {
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
        // unigram rescaling: alpha(w) = (P~_writer(w) / P_base(w))^beta over the base words that are no foreign name
        if (UNIGRAM_SCALE > 0) {
            long total = 0;
            for (int w = 0; w < toBase.length; w++) {
                total += model.occurrences(w);
            }
            long baseTotal = 0;
            for (int b = 0; b < fromBase.length; b++) {
                baseTotal += base.occurrences(b);
            }
            scale = new float[fromBase.length];
            double mass = 0;
            for (int b = 0; b < fromBase.length; b++) {
                if (foreignName[b] || !base.suggestible(b)) {
                    scale[b] = 1;
                } else {
                    // relative frequencies in the two texts, hers smoothed towards the base text's
                    double pb = Math.max(base.occurrences(b), 0.5) / baseTotal;
                    int c = fromBase[b] < 0 ? 0 : model.occurrences(fromBase[b]);
                    double pw = (c + SCALE_PRIOR * pb) / (total + SCALE_PRIOR);
                    scale[b] = (float) Math.pow(pw / pb, UNIGRAM_SCALE);
                }
                if (!foreignName[b]) {
                    mass += base.unigram(b) * scale[b];
                }
            }
            scaledUnigram = mass;
        } else {
            scale = null;
            scaledUnigram = 0;
        }
    }

    /**
     * {@code M(h)}: the base model's probability of the names the writer never wrote, in this context. Those seen
     * after the last token are summed one by one; every other word has {@code P(w | h) = g(h) P(w)} (the context's
     * backoff weight times its unigram probability), so the rest is {@code g(h)} times the unigram mass of the names
     * not summed.
     */
    double foreignNameMass(KneserNeyModel base, KneserNeyModel.Context baseContext) {
        double[] followers = new double[2];
        base.forEachFollower(baseContext, b -> {
            if (foreignName[b]) {
                followers[0] += base.probability(baseContext, b);
                followers[1] += base.unigram(b);
            }
        });
        double rest = Math.max(0, foreignUnigram - followers[1]);
        return Math.min(1, followers[0] + base.backoffToUnigram(baseContext) * rest);
    }

    /**
     * The base model's probability of a base word with the writer's unigram rescaling applied (unchanged when it
     * is off, for foreign names, and for unknown words).
     */
    double rescaledBase(KneserNeyModel base, KneserNeyModel.Context baseContext, int b) {
        double p = base.probability(baseContext, b);
        if (scale == null || b < 0 || foreignName[b]) {
            return p;
        }
        double z = scaledMass(base, baseContext);
        return z > 0 ? p * scale[b] * (1 - foreignNameMass(base, baseContext)) / z : p;
    }

    static final double UNIGRAM_SCALE = Double.parseDouble(System.getProperty("writermodel.unigram-scale", "0"));
    static final double SCALE_PRIOR = Double.parseDouble(System.getProperty("writermodel.scale-prior", "2000"));

    /** Per base id: alpha(w), 1 for foreign names and punctuation; null when rescaling is off. */
    final float[] scale;
    /** The sum of alpha(w) P_base(w) over the base words that are no foreign name. */
    final double scaledUnigram;

    /**
     * The normaliser of the rescaled base model in this context: {@code Z(h) = sum over non-foreign w of
     * P_base(w | h) alpha(w)}. Words never seen after the last token have {@code P(w | h) = g(h) P(w)}, so only
     * the followers are summed one by one.
     */
    double scaledMass(KneserNeyModel base, KneserNeyModel.Context context) {
        double g = base.backoffToUnigram(context);
        double[] sum = new double[1];
        base.forEachFollower(context, b -> {
            if (!foreignName[b]) {
                sum[0] += (base.probability(context, b) - g * base.unigram(b)) * scale[b];
            }
        });
        return g * scaledUnigram + sum[0];
    }

    public KneserNeyModel model() {
        return model;
    }

    public WriterWeight.Estimate weight() {
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
