package com.writerstree.suggestion.tools;

import com.writerstree.suggestion.domain.lm.KneserNeyModel;
import com.writerstree.suggestion.domain.lm.ModelCodec;
import com.writerstree.suggestion.domain.lm.NgramCounts;
import com.writerstree.suggestion.domain.lm.Suggester;
import com.writerstree.suggestion.domain.lm.Tokenizer;
import com.writerstree.suggestion.domain.lm.WriterModel;
import com.writerstree.suggestion.domain.lm.WriterWeight;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation of deploy/bench/suggestions: {@code Evaluate <model> <held-out book> <adapt chapters>
 * <keystroke words> <writer weight|em:context cache weight[:lin|kn[:bigram cache share[:name transfer]]]>...}
 * ({@code em}: the weight {@link WriterWeight} estimates on the project's own text, as the service does). The
 * book's first chapters become a writer's project (the writer model); the rest is measured with the base model alone
 * and with each writer weight. Also prints the base model's load time and heap. The held-out books are Persuasion
 * (24 chapters, project 1-12) and Moby-Dick (135 chapters, project 1-67). With {@code -Devaluation.chapters=<the
 * project's chapters>} and two thirds of them as adapt chapters (Persuasion 12 and 8, Moby-Dick 67 and 45) it
 * measures the tuning split (the project's last third) instead: weights are chosen there, never on the measured
 * half. With {@code -Devaluation.online=true} the project is re-learned before each measured chapter from all the
 * chapters before it, as the service does while the writer goes on writing ({@link #online}).
 */
public final class Evaluate {

    /** The configured writer weight (suggestion.writer-weight), used when a project is too short to estimate one. */
    private static final double FALLBACK_WEIGHT = 0.5;

    private Evaluate() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println(
                    "usage: Evaluate <model.bin.gz> <book.txt[.gz]> <adapt chapters> <keystroke words> <writer weight:context cache weight>...");
            System.exit(2);
        }
        Runtime rt = Runtime.getRuntime();
        long before = usedHeap(rt);
        long t0 = System.nanoTime();
        KneserNeyModel base;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            base = new KneserNeyModel(ModelCodec.read(in));
        }
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        long heap = usedHeap(rt) - before;
        System.out.printf(
                "base model: vocabulary %d, stored n-grams %d, loaded in %d ms, heap %.1f MB%n",
                base.vocabularySize(), base.storedNgrams(), loadMillis, heap / 1e6);

        String book;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            book = Books.read(in, args[1].endsWith(".gz"));
        }
        List<String> chapters = Books.chapters(book);
        // -Devaluation.chapters=12 with adapt 8: the tuning split (learn 1-8, measure 9-12), chapters 13-24 unseen
        int only = Integer.getInteger("evaluation.chapters", 0);
        if (only > 0 && only < chapters.size()) {
            chapters = chapters.subList(0, only);
        }
        int adapt = Integer.parseInt(args[2]);
        int keystrokeWords = Integer.parseInt(args[3]);
        Split split = split(chapters, adapt);
        System.out.printf(
                "held-out book %s: %d chapters; writer's project = chapters 1-%d (%d tokens); measured on chapters %d-%d (%d tokens)%n",
                Path.of(args[1]).getFileName(),
                chapters.size(),
                adapt,
                split.learned().size(),
                adapt + 1,
                chapters.size(),
                split.measured().size());

        long t1 = System.nanoTime();
        KneserNeyModel own =
                new KneserNeyModel(NgramCounts.builder().add(split.learned()).build());
        WriterModel writer = new WriterModel(base, own);
        System.out.printf(
                "writer model: %d stored n-grams, built in %d ms%n",
                own.storedNgrams(), (System.nanoTime() - t1) / 1_000_000);
        long t2 = System.nanoTime();
        double estimated = WriterWeight.estimate(base, split.learned());
        WriterModel adaptive = new WriterModel(base, own, estimated);
        System.out.printf(
                "writer weight estimated on the project's own last 20 %%: %.3f (in %d ms)%n",
                estimated, (System.nanoTime() - t2) / 1_000_000);

        // warm up the JIT on the first chapters, then measure
        Evaluation.run(
                base,
                writer,
                new Suggester.Weights(0.5, 0.1),
                split.learned().subList(0, Math.min(20_000, split.learned().size())),
                2_000);
        if (Boolean.getBoolean("evaluation.online")) {
            online(base, chapters, adapt, new Suggester.Weights(FALLBACK_WEIGHT, 0.1, false, 0.5));
            return;
        }
        for (int i = 4; i < args.length; i++) {
            String[] range = args[i].split(":");
            // "em": the project's estimated weight (WriterWeight), as the service learns it; else a fixed weight
            boolean em = range[0].equals("em");
            Suggester.Weights weight = new Suggester.Weights(
                    em ? FALLBACK_WEIGHT : Double.parseDouble(range[0]),
                    Double.parseDouble(range[1]),
                    range.length > 2 && range[2].equals("kn"),
                    range.length > 3 ? Double.parseDouble(range[3]) : 0,
                    range.length > 4 ? Double.parseDouble(range[4]) : 0);
            Evaluation.Result plain = Evaluation.run(
                    base,
                    null,
                    new Suggester.Weights(0, weight.recent(), false, weight.recentBigram()),
                    split.measured(),
                    keystrokeWords);
            System.out.printf("base only (context cache %s)   %s%n", range[1], plain);
            Evaluation.Result adapted =
                    Evaluation.run(base, em ? adaptive : writer, weight, split.measured(), keystrokeWords);
            System.out.printf("adapted (%s)   %s%n", args[i], adapted);
            System.out.printf(
                    "  adaptation gain: top-1 %+.1f, top-3 %+.1f points, characters saved %+.1f points%n",
                    100 * (adapted.top1() - plain.top1()),
                    100 * (adapted.top3() - plain.top3()),
                    100 * (adapted.charsSaved() - plain.charsSaved()));
        }
    }

    /**
     * The service's own behaviour as the writer goes on writing ({@code -Devaluation.online=true}): before each
     * measured chapter the project is re-learned from all the chapters before it (its last 200,000 tokens, the
     * service's cap, with the weight estimated on them), as the service does after her saves; each chapter is
     * measured with the base model alone and with that writer model, both from the chapter's own start (the same
     * context for both). Top-1 and top-3 only (no keystroke simulation). Nothing is chosen on the measured chapters.
     */
    public static Online online(KneserNeyModel base, List<String> chapters, int adapt, Suggester.Weights weights) {
        List<List<String>> tokens = new ArrayList<>();
        for (String chapter : chapters) {
            tokens.add(Tokenizer.tokens(chapter));
        }
        long words = 0;
        double[] plain = new double[2];
        double[] adapted = new double[2];
        long t0 = System.nanoTime();
        for (int c = adapt; c < chapters.size(); c++) {
            List<String> learned = new ArrayList<>();
            for (int k = 0; k < c; k++) {
                learned.addAll(tokens.get(k));
            }
            learned = learned.subList(Math.max(0, learned.size() - MAX_LEARNED), learned.size());
            WriterModel writer = new WriterModel(
                    base,
                    new KneserNeyModel(NgramCounts.builder().add(learned).build()),
                    WriterWeight.estimate(base, learned));
            Evaluation.Result p = Evaluation.run(
                    base,
                    null,
                    new Suggester.Weights(0, weights.recent(), false, weights.recentBigram()),
                    tokens.get(c),
                    0);
            Evaluation.Result a = Evaluation.run(base, writer, weights, tokens.get(c), 0);
            words += p.words();
            plain[0] += p.top1() * p.words();
            plain[1] += p.top3() * p.words();
            adapted[0] += a.top1() * a.words();
            adapted[1] += a.top3() * a.words();
        }
        Online result = new Online(words, plain[0] / words, plain[1] / words, adapted[0] / words, adapted[1] / words);
        System.out.printf(
                "online (re-learned before each of chapters %d-%d from all the chapters before it, %d s):%n%s",
                adapt + 1, chapters.size(), (System.nanoTime() - t0) / 1_000_000_000, result);
        return result;
    }

    /** Top-1 and top-3 of the online measurement, base model alone and adapted, over all measured words. */
    public record Online(long words, double baseTop1, double baseTop3, double adaptedTop1, double adaptedTop3) {

        public double top3Gain() {
            return adaptedTop3 - baseTop3;
        }

        @Override
        public String toString() {
            return String.format(
                    "  base only: words %d, top-1 %.1f %%, top-3 %.1f %%%n"
                            + "  adapted:   words %d, top-1 %.1f %%, top-3 %.1f %%%n"
                            + "  adaptation gain: top-1 %+.1f, top-3 %+.1f points%n",
                    words,
                    100 * baseTop1,
                    100 * baseTop3,
                    words,
                    100 * adaptedTop1,
                    100 * adaptedTop3,
                    100 * (adaptedTop1 - baseTop1),
                    100 * top3Gain());
        }
    }

    /** The service's cap on what one project's model learns (suggestion.adaptation.max-words). */
    private static final int MAX_LEARNED = 200_000;

    public record Split(List<String> learned, List<String> measured) {}

    /** The tokens of the first {@code adapt} chapters, and those of the rest. */
    public static Split split(List<String> chapters, int adapt) {
        List<String> learned = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (int c = 0; c < chapters.size(); c++) {
            (c < adapt ? learned : measured).addAll(Tokenizer.tokens(chapters.get(c)));
        }
        return new Split(learned, measured);
    }

    private static long usedHeap(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
