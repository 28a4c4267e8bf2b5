package com.writerstree.content.api;

import java.util.Random;

/** Prose-like test manuscripts: seeded words from a small vocabulary, sentences and paragraphs. */
final class Novels {

    static final String[] WORDS = {
        "the",
        "night",
        "was",
        "dark",
        "and",
        "she",
        "waited",
        "for",
        "him",
        "by",
        "a",
        "window",
        "while",
        "rain",
        "fell",
        "on",
        "roofs",
        "of",
        "old",
        "town",
        "quietly",
        "remembering",
        "letters",
        "never",
        "sent"
    };

    private Novels() {}

    /** {@code words} words of prose-like text (about 5.1 bytes a word, as the README's figures assume). */
    static String novel(Random random, int words) {
        StringBuilder out = new StringBuilder(words * 6);
        for (int i = 1; i <= words; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]);
            out.append(i % 120 == 0 ? ".\n\n" : i % 12 == 0 ? ". " : " ");
        }
        return out.toString();
    }

    /** A word of the vocabulary other than {@code not}. */
    static String otherWord(Random random, String not) {
        String word;
        do {
            word = WORDS[random.nextInt(WORDS.length)];
        } while (word.equals(not));
        return word;
    }
}
