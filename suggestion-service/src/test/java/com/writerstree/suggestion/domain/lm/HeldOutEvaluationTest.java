package com.writerstree.suggestion.domain.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.suggestion.tools.Books;
import com.writerstree.suggestion.tools.Evaluate;
import com.writerstree.suggestion.tools.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The small version of deploy/bench/suggestions: the shipped base model (twelve books of public-domain fiction, five
 * of them Austen's; tools/train.sh) on two books it was not trained on. Persuasion (Austen): the writer model learns
 * chapters 1-12 and is measured on chapters 13-15.
 * Moby-Dick (Melville, a writer whose style differs from the base text): the writer model learns chapters 1-20
 * (about as many tokens as Persuasion's project) and is measured on chapters 21-24. Thresholds sit under the
 * measured numbers (README) so that a regression fails.
 */
class HeldOutEvaluationTest {

    /**
     * The service's mixture (application.properties) without and with the writer's model; the writer model carries
     * the weight estimated on her text (WriterWeight), 0.5 is only the fallback.
     */
    private static final Suggester.Weights BASE_ONLY = new Suggester.Weights(0, 0.1, false, 0.5);

    private static final Suggester.Weights ADAPTED = new Suggester.Weights(0.5, 0.1, false, 0.5);

    /**
     * Measured on the Moby-Dick excerpt (estimated weight 0.42): +2.5 points top-3 and +4.0 characters saved. A
     * writer model of the same chapters with the tokens shuffled (her words, not their order) gives -2.6 / +0.1, one
     * of Persuasion's chapters 1-12 (the wrong writer) +0.3 / -0.5, one of only chapters 1-5 +1.1 / +2.1 (each with
     * its own estimated weight), so each falls under the thresholds. (With the Austen-only base model of before
     * 2026-12-03 the same excerpt gained +3.3 / +6.9: the broader base model leaves the writer's model less to add.)
     */
    private static final double MIN_TOP3_GAIN = 0.018;

    private static final double MIN_KEYSTROKE_GAIN = 0.03;

    private static KneserNeyModel base;

    @BeforeAll
    static void loadBaseModel() throws IOException {
        try (InputStream in = HeldOutEvaluationTest.class.getResourceAsStream("/lm/fiction-4gram.bin.gz")) {
            base = new KneserNeyModel(ModelCodec.read(in));
        }
    }

    @Test
    void heldOutAccuracyKeystrokeSavingsAndAdaptationGain() throws IOException {
        List<String> chapters = chapters("persuasion");
        Evaluate.Split split = Evaluate.split(chapters.subList(0, 15), 12);
        WriterModel writer = writerModel(split.learned());

        Evaluation.Result plain = Evaluation.run(base, null, Suggester.Weights.NONE, split.measured(), 600);
        Evaluation.Result adapted = Evaluation.run(base, writer, new Suggester.Weights(0.35, 0), split.measured(), 600);
        System.out.println("held-out, base only: " + plain);
        System.out.println("held-out, adapted:   " + adapted);

        assertTrue(plain.top3() >= 0.26, "top-3 " + plain.top3());
        assertTrue(plain.charsSaved() >= 0.55, "characters saved " + plain.charsSaved());
        assertTrue(adapted.top3() > plain.top3(), "adaptation must help top-3");
        assertTrue(adapted.charsSaved() > plain.charsSaved(), "adaptation must help keystrokes");
    }

    /**
     * A writer who is not Austen: her own model must lift top-3 by several points over the base model with the same
     * context cache. A writer model that learned the wrong text, or only her words and not their order, falls under
     * the thresholds (README, "Held-out accuracy").
     */
    @Test
    void adaptationGainOnAWriterWhoIsNotAusten() throws IOException {
        List<String> chapters = chapters("moby-dick");
        assertEquals(135, chapters.size(), "Moby-Dick's chapters");
        Evaluate.Split split = Evaluate.split(chapters.subList(0, 24), 20);
        double weight = WriterWeight.estimate(base, split.learned());
        assertTrue(weight > 0.35, "Melville's writer weight " + weight);
        WriterModel writer = new WriterModel(
                base,
                new KneserNeyModel(NgramCounts.builder().add(split.learned()).build()),
                weight);

        Evaluation.Result plain = Evaluation.run(base, null, BASE_ONLY, split.measured(), 600);
        Evaluation.Result adapted = Evaluation.run(base, writer, ADAPTED, split.measured(), 600);
        System.out.println("Moby-Dick, base only: " + plain);
        System.out.println("Moby-Dick, adapted:   " + adapted);

        double gain = adapted.top3() - plain.top3();
        assertTrue(gain >= MIN_TOP3_GAIN, "adaptation gain top-3 " + gain);
        assertTrue(
                adapted.charsSaved() - plain.charsSaved() >= MIN_KEYSTROKE_GAIN,
                "adaptation gain in characters saved " + (adapted.charsSaved() - plain.charsSaved()));
    }

    /**
     * The same writer as she goes on writing: before each measured chapter (21-24) the project is re-learned from
     * every chapter before it, as the service does after her saves (Evaluate.online, the bench's ONLINE=1). It must
     * lift top-3 as the fixed project does (measured +2.7 here, four chapters add little to 20; on the whole
     * measured half 68-135, README).
     */
    @Test
    void adaptationGainWhenTheProjectIsReLearnedAsSheWrites() throws IOException {
        Evaluate.Online online = Evaluate.online(base, chapters("moby-dick").subList(0, 24), 20, ADAPTED);
        System.out.println("Moby-Dick, re-learned per chapter:\n" + online);
        assertTrue(online.top3Gain() >= MIN_TOP3_GAIN, "adaptation gain top-3 " + online.top3Gain());
    }

    /**
     * The weight estimated on the writer's own text follows how far she is from the base text: low for Austen's
     * Persuasion (0.28 on chapters 1-12), higher for Melville (0.42 on Moby-Dick's chapters 1-20); NaN for a text too
     * short to tell.
     */
    @Test
    void writerWeightEstimatedOnTheWritersOwnText() throws IOException {
        double austen = WriterWeight.estimate(
                base, Evaluate.split(chapters("persuasion"), 12).learned());
        assertTrue(austen > 0.15 && austen < 0.4, "Austen's writer weight " + austen);
        assertTrue(Double.isNaN(WriterWeight.estimate(base, Tokenizer.tokens("Call me Ishmael. ".repeat(100)))));
    }

    private static List<String> chapters(String book) throws IOException {
        try (InputStream in = HeldOutEvaluationTest.class.getResourceAsStream("/heldout/" + book + ".txt.gz")) {
            return Books.chapters(Books.read(in, true));
        }
    }

    private static WriterModel writerModel(List<String> tokens) {
        return new WriterModel(
                base, new KneserNeyModel(NgramCounts.builder().add(tokens).build()));
    }
}
