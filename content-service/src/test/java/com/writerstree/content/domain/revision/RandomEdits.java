package com.writerstree.content.domain.revision;

import java.util.Random;

/**
 * Seeded random edits of a text, as a writer (or a bug) would make them: inserts at the start, the end or inside,
 * deletions, replacements, a whole-text replacement, emptying the text, and swapping an emoji for one that shares
 * its first UTF-16 unit (so that a delta's cut would fall inside a surrogate pair if it were not careful). Every
 * edit works on code points, so every text is valid Unicode.
 */
final class RandomEdits {

    /** Letters, spaces, accents, Han, emoji (surrogate pairs, some sharing a high surrogate), a ZWJ sequence. */
    private static final String[] PIECES = {
        "a", "b", "e", " ", " ", "\n", "é", "東", "😀", "😁", "🙂", "𝄞", "👩‍💻", "the ", "word ", ".", "ab"
    };

    private RandomEdits() {}

    static String fragment(Random random, int maxPieces) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(maxPieces + 1); i > 0; i--) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    /** One random edit of {@code text}. */
    static String edit(Random random, String text) {
        int points = text.codePointCount(0, text.length());
        int kind = random.nextInt(100);
        if (kind < 3) {
            return ""; // everything deleted
        }
        if (kind < 6) {
            return fragment(random, 60); // whole-text replacement
        }
        if (kind < 16) {
            return fragment(random, 5) + text; // insert at the start
        }
        if (kind < 26) {
            return text + fragment(random, 5); // insert at the end
        }
        if (kind < 36) { // an emoji swapped for a sibling: same high surrogate, other low surrogate
            int at = text.indexOf("\uD83D");
            if (at >= 0) {
                int low = text.charAt(at + 1) == '\uDE00' ? '\uDE01' : '\uDE00';
                return text.substring(0, at + 1) + (char) low + text.substring(at + 2);
            }
        }
        int from = text.offsetByCodePoints(0, random.nextInt(points + 1));
        int rest = text.codePointCount(from, text.length());
        int to = text.offsetByCodePoints(from, rest == 0 ? 0 : random.nextInt(Math.min(rest, 12) + 1));
        String inserted = kind < 60 ? "" : fragment(random, 4); // a deletion, or a replacement / insertion
        return text.substring(0, from) + inserted + text.substring(to);
    }

    /** True when {@code text} holds no lone surrogate (it would not survive UTF-8 in PostgreSQL). */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
