package com.writerstree.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordCounterTest {

    @Test
    void emptyAndBlankTextHaveNoWords() {
        assertEquals(0, WordCounter.count(""));
        assertEquals(0, WordCounter.count(null));
        assertEquals(0, WordCounter.count("   \n\t\r\n  "));
        assertEquals(0, WordCounter.count("\u00A0\u2003\u3000\u200B"));
    }

    @Test
    void plainProse() {
        assertEquals(9, WordCounter.count("It was a dark and stormy night, they said."));
        assertEquals(3, WordCounter.count("  leading   and trailing  "));
        assertEquals(4, WordCounter.count("one\ntwo\r\nthree\tfour"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' has {1} words")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "well-known|1",
                "a well-known fact|3",
                "1,000|1",
                "1,000 words|2",
                "3.14159|1",
                "2026-01-25|1",
                "don't|1",
                "Don’t stop|2",
                "rock'n'roll|1",
                "e.g.|1",
                "U.S.A.|1",
                "O'Brien's|1",
                "...|0",
                "!!! ??? ;|0",
                "\"Quoted,\" she said.|3",
                "(parenthesis)|1",
                "word.Another|1",
                "x|1",
                "7|1",
                "🙂|0",
                "Hello 🙂 world|2",
            })
    void tokensWithALetterOrDigitCountOnce(String text, int expected) {
        assertEquals(expected, WordCounter.count(text));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' has {1} words")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "yes—no|2",
                "yes — no|2",
                "1990–2000|2",
                "pages 10–12|3",
                "and/or|2",
                "he/she/they|3",
                "http://example.com/path|3",
                "yes--no|2",
                "wait---what|2",
                "-- aside --|1",
            })
    void dashesAndSlashesSeparateWords(String text, int expected) {
        assertEquals(expected, WordCounter.count(text));
    }

    @Test
    void markdownMarkersAreNotWords() {
        String markdown = """
                # Chapter 1

                ## The *beginning*

                > A quote from someone.

                - first item
                - second item
                * third item
                1. numbered item

                **Bold** and _italic_ and `code`.

                ---

                [a link](target)
                """;
        // Chapter 1 | The beginning | A quote from someone | first item | second item | third item |
        // 1. numbered item | Bold and italic and code | [a link](target)
        assertEquals(2 + 2 + 4 + 2 + 2 + 2 + 3 + 5 + 2, WordCounter.count(markdown));
        assertEquals(0, WordCounter.count("# ## ### > - * ** --- ***"));
    }

    @Test
    void otherAlphabetsCountLikeLatin() {
        assertEquals(3, WordCounter.count("Über café naïve"));
        assertEquals(4, WordCounter.count("Привет, как твои дела?"));
        assertEquals(3, WordCounter.count("Καλημέρα σας φίλοι"));
        assertEquals(2, WordCounter.count("مرحبا بالعالم"));
        assertEquals(2, WordCounter.count("नमस्ते दुनिया")); // combining vowel signs stay inside the word
        assertEquals(2, WordCounter.count("안녕하세요 세계")); // Korean separates words with spaces
        assertEquals(2, WordCounter.count("𝒜𝓁𝓅𝒽𝒶 beta")); // letters outside the BMP
    }

    @Test
    void cjkCharactersEachCountAsAWord() {
        assertEquals(4, WordCounter.count("我爱写作"));
        assertEquals(4, WordCounter.count("我爱写作。"));
        assertEquals(5, WordCounter.count("日本語です"));
        assertEquals(4, WordCounter.count("東京、大阪")); // the ideographic comma is punctuation
        assertEquals(3, WordCounter.count("Tokyo東京")); // Latin word + two ideographs
        assertEquals(2, WordCounter.count("コーヒー")); // コ and ヒ; the prolonged-sound mark is not a word
        assertEquals(2, WordCounter.count("「人々」")); // the iteration mark 々 counts like the ideograph it repeats
        assertEquals(6, WordCounter.count("I love 東京 so much")); // 4 words + 2 ideographs
    }

    @Test
    void surrogatesAtTheEdgesDoNotBreakCounting() {
        assertEquals(1, WordCounter.count("word\uD800")); // lone high surrogate at the end
        assertEquals(1, WordCounter.count("\uDC00word")); // lone low surrogate at the start
    }

    @Test
    void aHundredThousandWordManuscriptIsCountedInMilliseconds() {
        StringBuilder sb = new StringBuilder();
        String[] words = {"The", "quick", "brown", "fox,", "well-known", "1,000", "don't", "jumps—over", "the", "lazy"};
        int expected = 0;
        while (expected < 100_000) {
            for (String w : words) {
                sb.append(w).append(expected % 17 == 0 ? "\n\n" : " ");
                expected += w.equals("jumps—over") ? 2 : 1;
            }
        }
        String manuscript = sb.toString();
        for (int i = 0; i < 30; i++) { // warm up the JIT
            assertEquals(expected, WordCounter.count(manuscript));
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            WordCounter.count(manuscript);
            best = Math.min(best, System.nanoTime() - start);
        }
        // typically 1-3 ms; the bound leaves room for a busy shared machine
        assertTrue(best < 50_000_000L, "counting 100k words took " + best / 1_000_000 + " ms");
    }
}
