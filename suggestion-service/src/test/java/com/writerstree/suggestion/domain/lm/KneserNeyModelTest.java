package com.writerstree.suggestion.domain.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class KneserNeyModelTest {

    private static final String CORPUS = "The cat sat on the mat. The dog sat on the log. The cat saw the dog, and the"
            + " dog saw the cat. A cat is not a dog; a dog is not a cat! Did the cat sit on the dog? No. The mat was"
            + " red and the log was brown. The cat sat. The cat sat. The cat sat on the red mat.";

    private static KneserNeyModel model(String text) {
        return new KneserNeyModel(
                NgramCounts.builder().add(Tokenizer.tokens(text)).build());
    }

    private static double sum(KneserNeyModel m, List<String> context) {
        KneserNeyModel.Context c = m.context(context);
        double total = 0;
        for (int w = 0; w < m.vocabularySize(); w++) {
            total += m.probability(c, w);
        }
        return total;
    }

    @Test
    void probabilitiesSumToOneOverTheVocabularyInSeenAndUnseenContexts() {
        KneserNeyModel m = model(CORPUS);
        for (List<String> context : List.<List<String>>of(
                List.of("the", "cat", "sat"), // seen at order 4
                List.of("cat", "sat", "on"),
                List.of("on", "the"), // shorter than the order (padded)
                List.of(), // start of a text
                List.of("dog", "the", "cat"), // unseen 4-gram context, seen suffixes
                List.of("unknown", "words", "here"))) {
            assertEquals(1.0, sum(m, context), 1e-4, context.toString());
        }
    }

    /**
     * The most probable words with a prefix, found through the prefix's range among the keys, are exactly what a
     * scan of the whole ranked vocabulary takes: same words, same order, for every prefix of every word (and some
     * no word has), on seeded random texts whose words share many prefixes.
     */
    @RepeatedTest(5)
    void mostProbableWithAPrefixIsWhatAScanOfTheRankedVocabularyTakes(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            int length = 1 + random.nextInt(6);
            for (int c = 0; c < length; c++) {
                text.append("abcz".charAt(random.nextInt(random.nextInt(4) + 1)));
            }
            text.append(random.nextInt(12) == 0 ? ". " : " ");
        }
        KneserNeyModel m = model(text.toString());
        List<String> prefixes = new ArrayList<>(List.of("", "q", "zzzzzzzz", "abcabc", "."));
        for (int w = 0; w < m.vocabularySize(); w++) {
            String key = m.key(w);
            for (int end = 1; end <= key.length(); end++) {
                prefixes.add(key.substring(0, end));
            }
        }
        for (String prefix : prefixes) {
            for (int limit : new int[] {1, 3, 10}) {
                int[] scan = java.util.Arrays.stream(m.ranked())
                        .filter(w -> m.key(w).startsWith(prefix))
                        .limit(limit)
                        .toArray();
                assertArrayEquals(scan, m.mostProbable(prefix, limit), prefix + " / " + limit);
            }
        }
    }

    /** A word never seen after the last token gets the context's backoff weight times its unigram probability. */
    @Test
    void anUnseenFollowerGetsTheBackoffWeightTimesItsUnigram() {
        KneserNeyModel m = model(CORPUS);
        KneserNeyModel.Context c = m.context(List.of("the", "cat", "sat"));
        int brown = m.id("brown"); // never after "sat"
        assertEquals(m.backoffToUnigram(c) * m.unigram(brown), m.probability(c, brown), 1e-9);
        assertEquals(1.0, m.backoffToUnigram(m.context(List.of("unknown", "words", "here"))), 1e-12);
        assertEquals(5, m.occurrences(m.id("sat"))); // "sat" is written five times
    }

    /** Seeded random corpora: the sum holds whatever the counts of counts (odd discounts included). */
    @RepeatedTest(5)
    void probabilitiesSumToOneOnRandomCorpora(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(42 + info.getCurrentRepetition());
        String[] words = {"a", "b", "c", "d", "e", "f", ".", ","};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append(words[random.nextInt(random.nextBoolean() ? 3 : words.length)])
                    .append(' ');
        }
        KneserNeyModel m = model(text.toString());
        for (int i = 0; i < 20; i++) {
            List<String> context = List.of(
                    words[random.nextInt(words.length)],
                    words[random.nextInt(words.length)],
                    words[random.nextInt(words.length)]);
            assertEquals(1.0, sum(m, context), 1e-4, context.toString());
        }
    }

    @Test
    void whatFollowedAContextMostOftenIsMostProbable() {
        KneserNeyModel m = model(CORPUS);
        KneserNeyModel.Context c = m.context(List.of("the", "cat", "sat"));
        assertTrue(m.probability(c, m.id("on")) > m.probability(c, m.id("log")));
        assertTrue(m.probability(c, m.id("on")) > 0.3);
        // an unseen continuation still gets some probability (smoothing)
        assertTrue(m.probability(c, m.id("brown")) > 0);
    }

    @Test
    void theBinaryFormRoundTripsToTheSameBytesAndProbabilities() throws IOException {
        NgramCounts counts = NgramCounts.builder().add(Tokenizer.tokens(CORPUS)).build();
        byte[] first = encode(counts);
        NgramCounts read = ModelCodec.read(new ByteArrayInputStream(first));
        assertArrayEquals(first, encode(read));
        KneserNeyModel a = new KneserNeyModel(counts);
        KneserNeyModel b = new KneserNeyModel(read);
        KneserNeyModel.Context ca = a.context(List.of("the", "dog", "saw"));
        KneserNeyModel.Context cb = b.context(List.of("the", "dog", "saw"));
        for (int w = 0; w < a.vocabularySize(); w++) {
            assertEquals(a.probability(ca, w), b.probability(cb, w), 0.0);
        }
    }

    @Test
    void namesKeepTheirCapitalAndOtherWordsTheirUsualCase() {
        KneserNeyModel m = model("Then Anne came. The sun rose and Anne smiled. I think I will go. The end.");
        assertEquals("Anne", m.surface(m.id("anne")));
        assertEquals("I", m.surface(m.id("i")));
        assertEquals("the", m.surface(m.id("the")));
    }

    @Test
    void aCorruptModelIsRefused() {
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[] {1, 2, 3});
        bad.add(new byte[0]);
        for (byte[] bytes : bad) {
            org.junit.jupiter.api.Assertions.assertThrows(
                    IOException.class, () -> ModelCodec.read(new ByteArrayInputStream(bytes)));
        }
    }

    private static byte[] encode(NgramCounts counts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelCodec.write(counts, out);
        return out.toByteArray();
    }
}
