package com.writerstree.suggestion.domain.lm;

import java.util.Arrays;
import java.util.List;

/**
 * The writer model's weight for one project, estimated on the writer's own text when the project is learned: a
 * model of the first 80 % of her tokens and the base model are mixed on the last 20 %, and the weights that give
 * those words the highest likelihood are found by EM (deleted interpolation).
 *
 * <p>The weight depends on the context ({@link #bucket}): how long a context of the last tokens the writer's model
 * knows and how often she wrote it. Where she wrote the last three words many times her own 4-grams are sharp and
 * take most of the mass; where she never wrote the last word her model is only her unigram and the base model leads.
 * One weight per bucket, each pulled towards the project's single weight (a prior worth {@link #PRIOR_WORDS} words),
 * so a bucket with few held-out words keeps about the single weight. A writer close to the base text (Persuasion:
 * 0.29 overall) gets low weights, one far from it (Moby-Dick: 0.73) high ones (README, "Held-out accuracy"). Runs at
 * learning time only (one more model build over 80 % of the text); a request reads the stored numbers.
 */
public final class WriterWeight {

    /** Below this many held-out words the estimate is noise: the configured weight is used. */
    static final int MIN_WORDS = 1_000;

    static final double MIN = 0.1;
    static final double MAX = 0.9;
    /** A bucket's weight stays within these bounds (the per-bucket prior keeps sparse buckets near the mean). */
    static final double BUCKET_MIN = 0.02;

    static final double BUCKET_MAX = 0.98;
    /** How many held-out words the project's single weight counts as in each bucket's estimate. */
    static final double PRIOR_WORDS = Double.parseDouble(System.getProperty("writerweight.prior", "30"));

    private static final double HELD_OUT = 0.2;
    private static final int ITERATIONS = 50;

    /** Context-count thresholds of the buckets (at the longest order the writer's model knows the context). */
    private static final int[] COUNT_EDGES = {3, 10, 50};

    /** Buckets: "last token unknown" plus, per context order 1-3, one per count range. */
    public static final int BUCKETS = 1 + (NgramCounts.ORDER - 1) * (COUNT_EDGES.length + 1);

    private static final boolean BY_CONTEXT = !Boolean.getBoolean("writerweight.single");

    /**
     * The estimate: the project's single weight and one weight per context bucket (null: the single weight for
     * every context, as models learned before the buckets have).
     */
    public record Estimate(double weight, double[] byContext) {

        /** No estimate (a text too short to tell): the configured weight. */
        public static final Estimate NONE = new Estimate(Double.NaN, null);

        public Estimate {
            if (byContext != null && byContext.length != BUCKETS) {
                byContext = null; // stored by another bucket layout: the single weight is still right
            }
        }

        /** The writer weight in this context of the writer's model, {@code fallback} when there is no estimate. */
        public double weight(KneserNeyModel writer, KneserNeyModel.Context context, double fallback) {
            if (Double.isNaN(weight)) {
                return fallback;
            }
            return byContext == null ? weight : byContext[bucket(writer, context)];
        }

        @Override
        public String toString() {
            if (byContext == null) {
                return String.format("%.3f", weight);
            }
            StringBuilder s = new StringBuilder(String.format("%.3f [", weight));
            for (int i = 0; i < byContext.length; i++) {
                s.append(i == 0 ? "" : " ").append(String.format("%.2f", byContext[i]));
            }
            return s.append(']').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Estimate e
                    && Double.compare(weight, e.weight) == 0
                    && Arrays.equals(byContext, e.byContext);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(weight) * 31 + Arrays.hashCode(byContext);
        }
    }

    private WriterWeight() {}

    /**
     * The context's bucket: 0 when the writer's model does not know even the last token; else by the longest
     * context (1-3 tokens) it knows and how often that context occurs in her text.
     */
    public static int bucket(KneserNeyModel writer, KneserNeyModel.Context context) {
        int order = writer.foundOrder(context);
        if (order == 0) {
            return 0;
        }
        double count = writer.evidence(context);
        int range = 0;
        while (range < COUNT_EDGES.length && count >= COUNT_EDGES[range]) {
            range++;
        }
        return 1 + (order - 1) * (COUNT_EDGES.length + 1) + range;
    }

    /** The estimated weights, or {@link Estimate#NONE} when the text is too short to tell. */
    public static Estimate estimate(KneserNeyModel base, List<String> tokens) {
        int cut = (int) (tokens.size() * (1 - HELD_OUT));
        int heldOut = tokens.size() - cut;
        if (heldOut < MIN_WORDS) {
            return Estimate.NONE;
        }
        KneserNeyModel part = new KneserNeyModel(
                NgramCounts.builder().add(tokens.subList(0, cut)).build());
        double[] pBase = new double[heldOut];
        double[] pWriter = new double[heldOut];
        int[] buckets = new int[heldOut];
        // the base model as the service mixes it (with the writer's unigram rescaling when that is on)
        WriterModel linked = WriterModel.UNIGRAM_SCALE > 0 ? new WriterModel(base, part) : null;
        int n = 0;
        for (int i = cut; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (Tokenizer.isPunctuation(token)) {
                continue; // punctuation is never suggested
            }
            List<String> last = tokens.subList(Math.max(0, i - (NgramCounts.ORDER - 1)), i).stream()
                    .map(Tokenizer::key)
                    .toList();
            String key = Tokenizer.key(token);
            double b = linked == null
                    ? base.probability(base.context(last), base.id(key))
                    : linked.rescaledBase(base, base.context(last), base.id(key));
            KneserNeyModel.Context context = part.context(last);
            double w = part.probability(context, part.id(key));
            if (b > 0 || w > 0) {
                pBase[n] = b;
                pWriter[n] = w;
                buckets[n] = bucket(part, context);
                n++;
            }
        }
        if (n < MIN_WORDS) {
            return Estimate.NONE;
        }
        double lambda = 0.5;
        for (int it = 0; it < ITERATIONS; it++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += posterior(lambda, pBase[i], pWriter[i]);
            }
            lambda = sum / n;
        }
        double single = Math.max(MIN, Math.min(MAX, lambda));
        if (!BY_CONTEXT) {
            return new Estimate(single, null);
        }
        // per bucket, the same EM with the single weight as a prior worth PRIOR_WORDS words
        double[] byContext = new double[BUCKETS];
        Arrays.fill(byContext, single);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] sum = new double[BUCKETS];
            int[] count = new int[BUCKETS];
            for (int i = 0; i < n; i++) {
                sum[buckets[i]] += posterior(byContext[buckets[i]], pBase[i], pWriter[i]);
                count[buckets[i]]++;
            }
            for (int k = 0; k < BUCKETS; k++) {
                double l = (sum[k] + PRIOR_WORDS * single) / (count[k] + PRIOR_WORDS);
                byContext[k] = Math.max(BUCKET_MIN, Math.min(BUCKET_MAX, l));
            }
        }
        return new Estimate(single, byContext);
    }

    private static double posterior(double lambda, double base, double writer) {
        return lambda * writer / (lambda * writer + (1 - lambda) * base);
    }
}
