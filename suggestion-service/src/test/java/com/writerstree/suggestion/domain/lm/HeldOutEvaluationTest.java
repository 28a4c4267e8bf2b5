package com.writerstree.suggestion.domain.lm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.suggestion.tools.Books;
import com.writerstree.suggestion.tools.Evaluate;
import com.writerstree.suggestion.tools.Evaluation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The small version of deploy/bench/suggestions: the shipped base model (five Austen novels) on chapters of
 * Persuasion, which it was not trained on; the writer model learns chapters 1-12 and is measured on chapters
 * 13-15. Thresholds sit a little under the measured numbers (README) so that a regression fails.
 */
class HeldOutEvaluationTest {

    @Test
    void heldOutAccuracyKeystrokeSavingsAndAdaptationGain() throws IOException {
        KneserNeyModel base;
        try (InputStream in = getClass().getResourceAsStream("/lm/austen-4gram.bin.gz")) {
            base = new KneserNeyModel(ModelCodec.read(in));
        }
        String book;
        try (InputStream in = getClass().getResourceAsStream("/heldout/persuasion.txt.gz")) {
            book = Books.read(in, true);
        }
        List<String> chapters = Books.chapters(book);
        Evaluate.Split split = Evaluate.split(chapters.subList(0, 15), 12);
        WriterModel writer = new WriterModel(
                base,
                new KneserNeyModel(NgramCounts.builder().add(split.learned()).build()));

        Evaluation.Result plain = Evaluation.run(base, null, Suggester.Weights.NONE, split.measured(), 600);
        Evaluation.Result adapted = Evaluation.run(base, writer, new Suggester.Weights(0.35, 0), split.measured(), 600);
        System.out.println("held-out, base only: " + plain);
        System.out.println("held-out, adapted:   " + adapted);

        assertTrue(plain.top3() >= 0.26, "top-3 " + plain.top3());
        assertTrue(plain.charsSaved() >= 0.55, "characters saved " + plain.charsSaved());
        assertTrue(adapted.top3() > plain.top3(), "adaptation must help top-3");
        assertTrue(adapted.charsSaved() > plain.charsSaved(), "adaptation must help keystrokes");
    }
}
