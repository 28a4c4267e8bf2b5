package com.writerstree.suggestion.domain.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks next words (or completions of the word being typed) by three sources mixed linearly:
 *
 * <pre>
 *   P(w | h) = (1 - r) [ (1 - l) P'_base(w | h) + l P_writer(w | h) ] + r P_recent(w)
 * </pre>
 *
 * the base model, the writer's own model of her project (weight {@code l}, when there is one: the project's own,
 * estimated on her text when it was learned ({@link WriterWeight}), else the configured one) and a cache of the
 * words of the context itself ({@code P_recent}: how often the word occurs in the text before the cursor; weight
 * {@code r}, scaled down while that text is short: {@code r n / (n + 20)} for n words), so a name introduced a page
 * ago comes up even before the project was learned.
 *
 * <p>{@code P'_base} is the base model with its names moved to the writer's ("name transfer", share {@code t}):
 * the probability the base model gives the names of its own novels that the writer never wrote in her whole
 * project ({@code M(h) = sum of P_base(n | h)} over them) goes to her names in proportion to how often she wrote
 * each: {@code P'_base(w | h) = P_base(w | h) (1 - t [w is such a name]) + t M(h) c(w) / c(names)}. After "said"
 * or "Mrs." the base model expects a name, and it is one of hers; the result still sums to 1.
 *
 * <p>Candidates are the context's words, the words either model has seen after the last token (every word seen
 * after a longer context is among them) and, from each model, the most probable unigrams (and the writer's most
 * frequent names) that fit the typed prefix: a word seen after no context ranks by its unigram probability alone,
 * so that short list is enough. Punctuation is never suggested. At the start of a sentence (or when the writer typed
 * a capital) the word is capitalised; otherwise it takes the form the writer (or the base text) usually writes it
 * in.
 */
public final class Suggester {

    private Suggester() {}

    public record Suggestion(String word, double confidence) {}

    /**
     * The writer model's weight {@code l}, the context cache's weight {@code r}, the share of the context cache given
     * to its bigram part, and the share {@code t} of the base model's foreign names moved to the writer's names.
     */
    public record Weights(double writer, double recent, boolean backoff, double recentBigram, double nameTransfer) {
        /** The name transfer measured in README (chosen on chapters 9-12 of the held-out book, not the test half). */
        public static final double NAME_TRANSFER = 1.0;

        public static final Weights NONE = new Weights(0, 0);

        public Weights(double writer, double recent, boolean backoff, double recentBigram) {
            this(writer, recent, backoff, recentBigram, NAME_TRANSFER);
        }

        public Weights(double writer, double recent) {
            this(writer, recent, false, 0);
        }
    }

    public static List<Suggestion> suggest(
            KneserNeyModel base, WriterModel writer, Weights weights, Tokenizer.Typed typed, int limit) {
        List<String> tokens = typed.tokens();
        List<String> last = new ArrayList<>(NgramCounts.ORDER - 1);
        for (int i = Math.max(0, tokens.size() - (NgramCounts.ORDER - 1)); i < tokens.size(); i++) {
            last.add(Tokenizer.key(tokens.get(i)));
        }
        Ranking ranking = new Ranking(base, writer, weights, tokens, last, Tokenizer.key(typed.prefix()), limit);
        ranking.run();
        boolean capital = tokens.isEmpty()
                || Tokenizer.endsSentence(tokens.get(tokens.size() - 1))
                || !typed.prefix().isEmpty()
                        && Character.isUpperCase(typed.prefix().charAt(0));
        List<Suggestion> out = new ArrayList<>(ranking.size);
        for (int i = 0; i < ranking.size; i++) {
            String word = ranking.surface(ranking.words[i]);
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
        final double recentWeight;
        final KneserNeyModel.Context baseContext;
        final KneserNeyModel.Context writerContext;
        final String prefix;
        final boolean[] seenBase;
        final boolean[] seenWriter;
        /** The context's words (case-folded) with their counts, and how the writer wrote each last. */
        final Map<String, Integer> recent = new LinkedHashMap<>();

        final Map<String, String> recentForms = new HashMap<>();
        /** The words that followed the last token in the context, with their counts. */
        final Map<String, Integer> recentNext = new HashMap<>();

        final int recentTotal;
        final int recentNextTotal;
        final boolean backoff;
        final double recentBigram;
        /** The share t of the base model's foreign names moved to the writer's, and that mass t M(h). */
        final double transfer;

        double movedMass;
        final String[] words;
        final double[] scores;
        int size;
        double mass;

        Ranking(
                KneserNeyModel base,
                WriterModel writer,
                Weights weights,
                List<String> tokens,
                List<String> last,
                String prefix,
                int limit) {
            this.base = base;
            this.writer = writer;
            this.own = writer == null ? null : writer.model;
            this.prefix = prefix;
            this.baseContext = base.context(last);
            this.writerContext = own == null ? null : own.context(last);
            // the project's own weight (estimated when it was learned, WriterWeight) when it has one
            this.lambda = own == null ? 0 : Double.isNaN(writer.weight) ? weights.writer() : writer.weight;
            this.backoff = weights.backoff();
            this.recentBigram = weights.recentBigram();
            this.transfer = own == null ? 0 : weights.nameTransfer();
            int total = 0;
            int nextTotal = 0;
            String lastKey = last.isEmpty() ? null : last.get(last.size() - 1);
            if (weights.recent() > 0) {
                for (int i = 0; i < tokens.size(); i++) {
                    String token = tokens.get(i);
                    if (!Tokenizer.isPunctuation(token)) {
                        String key = Tokenizer.key(token);
                        recent.merge(key, 1, Integer::sum);
                        if (i > 0 && !Tokenizer.endsSentence(tokens.get(i - 1))) {
                            recentForms.put(key, token);
                        }
                        total++;
                        if (i > 0
                                && i < tokens.size() - 1
                                && Tokenizer.key(tokens.get(i - 1)).equals(lastKey)) {
                            recentNext.merge(key, 1, Integer::sum);
                            nextTotal++;
                        }
                    }
                }
            }
            this.recentTotal = total;
            this.recentNextTotal = nextTotal;
            this.recentWeight = total == 0 ? 0 : weights.recent() * total / (total + 20.0);
            this.seenBase = new boolean[base.vocabularySize()];
            this.seenWriter = own == null ? null : new boolean[own.vocabularySize()];
            this.words = new String[limit];
            this.scores = new double[limit];
        }

        void run() {
            if (transfer > 0) {
                movedMass = transfer * foreignNameMass();
            }
            // the context's own words first: they alone get the cache's share, so every later candidate has none
            for (Map.Entry<String, Integer> e : recent.entrySet()) {
                String key = e.getKey();
                if (!key.startsWith(prefix)) {
                    continue;
                }
                int b = base.id(key);
                int w = own == null ? -1 : own.id(key);
                if (b >= 0) {
                    seenBase[b] = true;
                }
                if (w >= 0) {
                    seenWriter[w] = true;
                }
                double cache = (double) e.getValue() / recentTotal;
                if (recentNextTotal > 0 && recentBigram > 0) {
                    cache = (1 - recentBigram) * cache
                            + recentBigram * recentNext.getOrDefault(key, 0) / recentNextTotal;
                }
                add(key, recentWeight * cache + (1 - recentWeight) * mixed(b, w));
            }
            base.forEachFollower(baseContext, this::offerBase);
            if (own != null) {
                own.forEachFollower(writerContext, this::offerWriter);
            }
            for (int id : base.mostProbable(prefix, words.length)) {
                offerBase(id);
            }
            if (own != null) {
                for (int id : own.mostProbable(prefix, words.length)) {
                    offerWriter(id);
                }
            }
            if (movedMass > 0) {
                int taken = 0;
                for (int id : writer.names) {
                    if (own.key(id).startsWith(prefix)) {
                        offerWriter(id);
                        if (++taken >= words.length) {
                            break;
                        }
                    }
                }
            }
        }

        /**
         * {@code M(h)}: the base model's probability of the names the writer never wrote, in this context. Those seen
         * after the last token are summed one by one; every other word has {@code P(w | h) = g(h) P(w)} (the
         * context's backoff weight times its unigram probability), so the rest is {@code g(h)} times the unigram mass
         * of the names not summed.
         */
        private double foreignNameMass() {
            double[] followers = new double[2];
            base.forEachFollower(baseContext, b -> {
                if (writer.foreignName[b]) {
                    followers[0] += base.probability(baseContext, b);
                    followers[1] += base.unigram(b);
                }
            });
            double rest = Math.max(0, writer.foreignUnigram - followers[1]);
            return Math.min(1, followers[0] + base.backoffToUnigram(baseContext) * rest);
        }

        void offerBase(int b) {
            if (seenBase[b] || !base.suggestible(b) || !base.key(b).startsWith(prefix)) {
                return;
            }
            seenBase[b] = true;
            int w = -1;
            if (own != null) {
                w = writer.fromBase[b];
                if (w >= 0) {
                    seenWriter[w] = true;
                }
            }
            add(base.key(b), (1 - recentWeight) * mixed(b, w));
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
            add(own.key(w), (1 - recentWeight) * mixed(-1, w));
        }

        /**
         * The models' probability of a word (base id {@code b}, writer id {@code w}, -1 where unknown), the base
         * model's foreign names moved to the writer's ({@code P'_base}, class comment), then linear
         * {@code (1 - l) P_base + l P_writer}, or with {@code backoff} the writer's Kneser-Ney levels interpolated
         * over {@code (1 - l) P_base(w | h) + l P_writer(w)} as their lowest order, so the writer's own n-grams take
         * as much of the mass as her counts justify in that context, and the base model the rest.
         */
        double mixed(int b, int w) {
            double pb = b >= 0 ? base.probability(baseContext, b) : 0;
            if (own == null) {
                return pb;
            }
            if (transfer > 0) {
                if (b >= 0 && writer.foreignName[b]) {
                    pb *= 1 - transfer;
                }
                pb += movedMass * writer.nameShare(w);
            }
            if (backoff) {
                double lower = (1 - lambda) * pb + (w >= 0 ? lambda * own.unigram(w) : 0);
                return own.probabilityOver(writerContext, w, lower);
            }
            return (1 - lambda) * pb + (w >= 0 ? lambda * own.probability(writerContext, w) : 0);
        }

        private void add(String key, double p) {
            mass += p;
            int n = words.length;
            if (size == n && p <= scores[n - 1]) {
                return;
            }
            int i = size < n ? size++ : n - 1;
            while (i > 0 && scores[i - 1] < p) {
                words[i] = words[i - 1];
                scores[i] = scores[i - 1];
                i--;
            }
            words[i] = key;
            scores[i] = p;
        }

        /** How the word is usually written: by the writer's project, else the base text, else the context. */
        String surface(String key) {
            int w = own == null ? -1 : own.id(key);
            if (w >= 0) {
                return own.surface(w);
            }
            int b = base.id(key);
            if (b >= 0) {
                return base.surface(b);
            }
            return recentForms.getOrDefault(key, key);
        }
    }
}
