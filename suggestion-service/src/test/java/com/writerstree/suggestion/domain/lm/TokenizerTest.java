package com.writerstree.suggestion.domain.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void wordsKeepInnerApostrophesAndHyphensAndPunctuationIsItsOwnToken() {
        assertEquals(
                List.of("I", "don't", "know", ",", "said", "Mr.", "Bennet's", "well-bred", "daughter", "."),
                Tokenizer.tokens("\"I don't know,\" said Mr. Bennet's well-bred daughter."));
    }

    @Test
    void curlyQuotesBecomeStraightOrVanish() {
        assertEquals(
                List.of("She", "can't", "be", "serious", "?", "he", "asked", "."),
                Tokenizer.tokens("\u201cShe can\u2019t be serious?\u201d he asked."));
    }

    @Test
    void dashesOfEveryKindAreOneDashToken() {
        List<String> expected = List.of("Sorrow", "came", "—", "a", "gentle", "sorrow", "—", "but");
        assertEquals(expected, Tokenizer.tokens("Sorrow came--a gentle sorrow--but"));
        assertEquals(expected, Tokenizer.tokens("Sorrow came\u2014a gentle sorrow \u2013 but"));
        assertEquals(expected, Tokenizer.tokens("Sorrow came - a gentle sorrow --- but"));
    }

    @Test
    void sentenceMarksCollapseAndAbbreviationsDoNotEndSentences() {
        assertEquals(List.of("Wait", "!", "Oh", "."), Tokenizer.tokens("Wait!!! Oh\u2026"));
        List<String> tokens = Tokenizer.tokens("Mrs. Jennings came.");
        assertEquals(List.of("Mrs.", "Jennings", "came", "."), tokens);
        assertFalse(Tokenizer.endsSentence(tokens.get(0)));
        assertTrue(Tokenizer.endsSentence(tokens.get(3)));
    }

    @Test
    void quotesBracketsAndItalicsMarksOnlySeparate() {
        assertEquals(List.of("a", "word", "in", "italics"), Tokenizer.tokens("(a) _word_ [in] *italics*"));
    }

    @Test
    void punctuationIsRecognised() {
        for (String p : List.of(",", ";", ":", ".", "!", "?", "—")) {
            assertTrue(Tokenizer.isPunctuation(p), p);
        }
        assertFalse(Tokenizer.isPunctuation("Mr."));
        assertFalse(Tokenizer.isPunctuation("1818"));
    }

    @Test
    void typedTextEndingInsideAWordLeavesItAsThePrefix() {
        Tokenizer.Typed typed = Tokenizer.typed("over the la");
        assertEquals(List.of("over", "the"), typed.tokens());
        assertEquals("la", typed.prefix());

        assertEquals("", Tokenizer.typed("over the ").prefix());
        assertEquals(List.of("over", "the", ","), Tokenizer.typed("over the,").tokens());
        assertEquals("don'", Tokenizer.typed("I don\u2019").prefix());
        assertEquals("well-", Tokenizer.typed("a well-").prefix());
        Tokenizer.Typed dash = Tokenizer.typed("she paused -");
        assertEquals("", dash.prefix());
        assertEquals(List.of("she", "paused", "—"), dash.tokens());
    }
}
