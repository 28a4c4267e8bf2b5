package com.writerstree.suggestion.domain.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ranks next words (or completions of the word being typed) by the base model, mixed with a writer's own model
 * when there is one: {@code P(w | h) = (1 - l(h)) P_base(w | h) + l(h) P_writer(w | h)}. The writer's weight
 * {@code l(h)} grows with how often the writer has written the context: {@code l = min + (max - min) n / (n + 3)},
 * {@code n} the count of the longest context the writer's model knows (0 when it knows none), so the writer's
 * phrases win where the writer has habits and the base model speaks where the writer's text is silent.
 *
 * <p>Candidates are the words either model has seen after the last token (every word seen after a longer context
 * is among them) plus, from each model, the most probable unigrams that fit the typed prefix: a word seen after
 * none of the contexts is ranked by its unigram probability alone, so that short list is enough. Punctuation is
 * never suggested. At the start of a sentence (or when the writer typed a capital) the word is capitalised;
 * otherwise it takes the form the writer (or the base text) usually writes it in.
 */
public final class Suggester {

    private Suggester() {}

    public record Suggestion(String word, double confidence) {}

    /** The writer's weight without and with strong evidence. */
    public record Weights(double min, double max) {
        public static final Weights NONE = new Weights(0, 0);
    }

    public static List<Suggestion> suggest(
            KneserNeyModel base, WriterModel writer, Weights weights, Tokenizer.Typed typed, int limit) {
        List<String> tokens = typed.tokens();
        List<String> last = new ArrayList<>(NgramCounts.ORDER - 1);
        for (int i = Math.max(0, tokens.size() - (NgramCounts.ORDER - 1)); i < tokens.size(); i++) {
            last.add(Tokenizer.key(tokens.get(i)));
        }
        Ranking ranking = new Ranking(base, writer, weights, last, Tokenizer.key(typed.prefix()), limit);
        ranking.run();
        boolean capital = tokens.isEmpty()
                || Tokenizer.endsSentence(tokens.get(tokens.size() - 1))
                || !typed.prefix().isEmpty()
                        && Character.isUpperCase(typed.prefix().charAt(0));
        List<Suggestion> out = new ArrayList<>(ranking.size);
        for (int i = 0; i < ranking.size; i++) {
            String word = ranking.surface(i);
            if (capital) {
                word = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            }
            double confidence = ranking.mass > 0 ? ranking.scores[i] / ranking.mass : 0;
            out.add(new Suggestion(word, Math.round(confidence * 1000) / 1000.0));
        }
        return out;
    }

    /** The best {@code limit} candidates so far, kept sorted (limit is at most a few dozen). */
    private static final class Ranking {
        final KneserNeyModel base;
        final WriterModel writer;
        final KneserNeyModel own;
        final double lambda;
        final KneserNeyModel.Context baseContext;
        final KneserNeyModel.Context writerContext;
        final String prefix;
        final boolean[] seenBase;
        final boolean[] seenWriter;
        /** A candidate: its base id, or -(writer id) - 2 for a word only the writer uses. */
        final int[] ids;

        final double[] scores;
        int size;
        double mass;

        Ranking(KneserNeyModel base, WriterModel writer, Weights weights, List<String> last, String prefix, int limit) {
            this.base = base;
            this.writer = writer;
            this.own = writer == null ? null : writer.model;
            this.prefix = prefix;
            this.baseContext = base.context(last);
            this.writerContext = own == null ? null : own.context(last);
            double n = own == null ? 0 : own.evidence(writerContext);
            this.lambda = own == null ? 0 : weights.min() + (weights.max() - weights.min()) * n / (n + 3);
            this.seenBase = new boolean[base.vocabularySize()];
            this.seenWriter = own == null ? null : new boolean[own.vocabularySize()];
            this.ids = new int[limit];
            this.scores = new double[limit];
        }

        void run() {
            base.forEachFollower(baseContext, this::offerBase);
            if (own != null) {
                own.forEachFollower(writerContext, this::offerWriter);
            }
            int taken = 0;
            for (int id : base.ranked()) {
                if (base.key(id).startsWith(prefix)) {
                    offerBase(id);
                    if (++taken >= ids.length) {
                        break;
                    }
                }
            }
            if (own != null) {
                taken = 0;
                for (int id : own.ranked()) {
                    if (own.key(id).startsWith(prefix)) {
                        offerWriter(id);
                        if (++taken >= ids.length) {
                            break;
                        }
                    }
                }
            }
        }

        void offerBase(int b) {
            if (seenBase[b] || !base.suggestible(b) || !base.key(b).startsWith(prefix)) {
                return;
            }
            seenBase[b] = true;
            double p = (1 - lambda) * base.probability(baseContext, b);
            if (own != null) {
                int w = writer.fromBase[b];
                if (w >= 0) {
                    seenWriter[w] = true;
                    p += lambda * own.probability(writerContext, w);
                }
            }
            add(b, p);
        }

        void offerWriter(int w) {
            int b = writer.toBase[w];
            if (b >= 0) {
                offerBase(b);
                return;
            }
            if (seenWriter[w] || !own.suggestible(w) || !own.key(w).startsWith(prefix)) {
                return;
            }
            seenWriter[w] = true;
            add(-w - 2, lambda * own.probability(writerContext, w));
        }

        private void add(int id, double p) {
            mass += p;
            int n = ids.length;
            if (size == n && p <= scores[n - 1]) {
                return;
            }
            int i = size < n ? size++ : n - 1;
            while (i > 0 && scores[i - 1] < p) {
                ids[i] = ids[i - 1];
                scores[i] = scores[i - 1];
                i--;
            }
            ids[i] = id;
            scores[i] = p;
        }

        String surface(int i) {
            int id = ids[i];
            if (id <= -2) {
                return own.surface(-id - 2);
            }
            int w = own == null ? -1 : writer.fromBase[id];
            return w >= 0 ? own.surface(w) : base.surface(id);
        }
    }
}
