package com.writerstree.suggestion.domain.lm;

import java.util.List;

/**
 * The writer model's weight for one project, estimated on the writer's own text when the project is learned: a
 * model of the first 80 % of her tokens and the base model are mixed on the last 20 %, and the weight that gives
 * those words the highest likelihood is found by EM (deleted interpolation). A writer close to the base text
 * (Persuasion: 0.29) gets a low weight, one far from it (Moby-Dick: 0.73) a high one (README, "Held-out accuracy").
 * Runs at learning time only (one more model build over 80 % of the text); a request reads the stored number.
 */
public final class WriterWeight {

    /** Below this many held-out words the estimate is noise: the configured weight is used. */
    static final int MIN_WORDS = 1_000;

    static final double MIN = 0.1;
    static final double MAX = 0.9;
    private static final double HELD_OUT = 0.2;
    private static final int ITERATIONS = 50;

    private WriterWeight() {}

    /** The estimated weight, within [0.1, 0.9], or NaN when the text is too short to tell. */
    public static double estimate(KneserNeyModel base, List<String> tokens) {
        int cut = (int) (tokens.size() * (1 - HELD_OUT));
        int heldOut = tokens.size() - cut;
        if (heldOut < MIN_WORDS) {
            return Double.NaN;
        }
        KneserNeyModel part = new KneserNeyModel(
                NgramCounts.builder().add(tokens.subList(0, cut)).build());
        double[] pBase = new double[heldOut];
        double[] pWriter = new double[heldOut];
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
            double b = base.probability(base.context(last), base.id(key));
            double w = part.probability(part.context(last), part.id(key));
            if (b > 0 || w > 0) {
                pBase[n] = b;
                pWriter[n] = w;
                n++;
            }
        }
        if (n < MIN_WORDS) {
            return Double.NaN;
        }
        double lambda = 0.5;
        for (int it = 0; it < ITERATIONS; it++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += lambda * pWriter[i] / (lambda * pWriter[i] + (1 - lambda) * pBase[i]);
            }
            lambda = sum / n;
        }
        return Math.max(MIN, Math.min(MAX, lambda));
    }
}
