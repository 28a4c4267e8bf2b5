package com.writerstree.suggestion.domain.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggesterTest {

    private static final KneserNeyModel BASE = new KneserNeyModel(NgramCounts.builder()
            .add(Tokenizer.tokens("She was very happy. She was very hungry. He was very happy, and she was very"
                    + " hopeful. The captain was very tired. The captain smiled. The captain spoke. I was happy."))
            .build());

    private static final Suggester.Weights WEIGHTS = new Suggester.Weights(0.35, 0);

    private static List<String> words(WriterModel writer, String typed, int limit) {
        return Suggester.suggest(BASE, writer, WEIGHTS, Tokenizer.typed(typed), limit).stream()
                .map(Suggester.Suggestion::word)
                .toList();
    }

    @Test
    void suggestsTheLikelyNextWordFirst() {
        assertEquals("happy", words(null, "she was very ", 3).get(0));
    }

    @Test
    void completesThePrefixBeingTyped() {
        List<String> words = words(null, "she was very hu", 3);
        assertEquals(List.of("hungry"), words);
        assertTrue(words(null, "she was very h", 5).stream().allMatch(w -> w.startsWith("h")));
        assertTrue(words(null, "she was very xq", 3).isEmpty());
    }

    @Test
    void neverSuggestsPunctuation() {
        List<String> words = words(null, "The captain", 10);
        assertFalse(words.isEmpty());
        assertTrue(words.stream().allMatch(w -> !Tokenizer.isPunctuation(w)), words.toString());
    }

    @Test
    void capitalisesAtSentenceStartsAndAfterATypedCapital() {
        assertTrue(words(null, "He was tired. ", 3).stream().allMatch(w -> Character.isUpperCase(w.charAt(0))));
        assertTrue(words(null, "", 3).stream().allMatch(w -> Character.isUpperCase(w.charAt(0))));
        assertEquals(List.of("Hungry"), words(null, "she was very Hu", 3));
        assertEquals("happy", words(null, "she was very ", 1).get(0));
    }

    @Test
    void aWritersModelBringsUpHerNamesOnlyWhenMixedIn() {
        KneserNeyModel own = new KneserNeyModel(NgramCounts.builder()
                .add(Tokenizer.tokens(
                        "The captain Zorblattine smiled. Then Zorblattine spoke to the captain Zorblattine."))
                .build());
        WriterModel writer = new WriterModel(BASE, own);
        assertEquals("Zorblattine", words(writer, "the captain ", 3).get(0));
        assertEquals(List.of("Zorblattine"), words(writer, "then zor", 3));
        assertFalse(words(null, "the captain ", 10).contains("Zorblattine"));
        assertTrue(words(null, "then zor", 3).isEmpty());
    }

    @Test
    void aNameFromTheTextBeforeTheCursorComesUpWithTheContextCache() {
        List<String> words = Suggester.suggest(
                        BASE,
                        null,
                        new Suggester.Weights(0, 0.1),
                        Tokenizer.typed("Then Zorblattine smiled at the captain. Later, she spoke to zor"),
                        3)
                .stream()
                .map(Suggester.Suggestion::word)
                .toList();
        assertEquals(List.of("Zorblattine"), words);
    }

    @Test
    void theBigramCacheRaisesWhatFollowedTheLastWordEarlierInTheText() {
        String said =
                "The captain Quillbury came in. Later the captain Quillbury left, and the captain Quillbury wrote. ";
        double plain =
                confidenceOf("Quillbury", new Suggester.Weights(0, 0.1, false, 0), said + "She saw the captain ");
        double bigram =
                confidenceOf("Quillbury", new Suggester.Weights(0, 0.1, false, 0.5), said + "She saw the captain ");
        assertTrue(plain > 0, "the unigram cache alone knows the name");
        assertTrue(bigram > plain, bigram + " vs " + plain);
    }

    @Test
    void theBaseModelsNamesTheWriterNeverUsedGoToHerNames() {
        KneserNeyModel base = new KneserNeyModel(NgramCounts.builder()
                .add(Tokenizer.tokens("Yes, said Elinor. No, said Elinor. Well, said Elinor. Oh, said the captain. Then"
                        + " Elinor smiled. I was very happy, said Elinor."))
                .build());
        WriterModel writer = new WriterModel(
                base,
                new KneserNeyModel(NgramCounts.builder()
                        .add(Tokenizer.tokens(
                                "Then Quillbury smiled, and Quillbury was very happy. Then the captain" + " smiled."))
                        .build()));
        String context = "Well, said ";
        Suggester.Weights off = new Suggester.Weights(0.35, 0, false, 0, 0);
        Suggester.Weights on = new Suggester.Weights(0.35, 0, false, 0, 1);
        assertEquals(
                "Elinor",
                Suggester.suggest(base, writer, off, Tokenizer.typed(context), 1)
                        .get(0)
                        .word());
        assertEquals(
                "Quillbury",
                Suggester.suggest(base, writer, on, Tokenizer.typed(context), 1)
                        .get(0)
                        .word());
        // the base model alone is unchanged, and a name the writer used herself keeps its own probability
        assertEquals(
                "Elinor",
                Suggester.suggest(base, null, on, Tokenizer.typed(context), 1)
                        .get(0)
                        .word());
        assertEquals(
                List.of("Quillbury"),
                Suggester.suggest(base, writer, on, Tokenizer.typed("said q"), 3).stream()
                        .map(Suggester.Suggestion::word)
                        .toList());
    }

    private static double confidenceOf(String word, Suggester.Weights weights, String context) {
        return Suggester.suggest(BASE, null, weights, Tokenizer.typed(context), 50).stream()
                .filter(s -> s.word().equals(word))
                .mapToDouble(Suggester.Suggestion::confidence)
                .findFirst()
                .orElse(0);
    }

    @Test
    void confidencesAreBetweenZeroAndOneAndOrdered() {
        List<Suggester.Suggestion> s = Suggester.suggest(BASE, null, WEIGHTS, Tokenizer.typed("she was very "), 5);
        for (int i = 0; i < s.size(); i++) {
            assertTrue(s.get(i).confidence() >= 0 && s.get(i).confidence() <= 1);
            if (i > 0) {
                assertTrue(s.get(i - 1).confidence() >= s.get(i).confidence());
            }
        }
    }
}
