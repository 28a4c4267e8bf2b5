package com.writerstree.systemtests;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Manuscript text whose word count every sensible counter agrees on: plain lowercase words and spaces. */
public final class Texts {

    private static final String[] WORDS = {
        "tree", "river", "stone", "light", "garden", "winter", "quiet", "letter", "forest", "window", "shadow",
        "morning", "story", "harbor", "silver", "meadow"
    };

    private Texts() {}

    /** {@code n} words separated by single spaces, starting at word {@code offset} of the cycle. */
    public static String words(int n, int offset) {
        return IntStream.range(0, n)
                .mapToObj(i -> WORDS[(i + offset) % WORDS.length])
                .collect(Collectors.joining(" "));
    }

    public static String words(int n) {
        return words(n, 0);
    }
}
