package com.writerstree.content.domain;

import java.util.OptionalInt;

/**
 * The authoritative word count of a manuscript (clients send theirs only as a hint).
 *
 * <p>Rule: the text is split into tokens at Unicode whitespace (including no-break spaces and the zero-width
 * space), at em and en dashes ({@code — –}), at runs of two or more hyphens ({@code --}, the typewriter em dash)
 * and at slashes. A token is one word if it contains at least one Unicode letter or digit, so markdown markers
 * ({@code #}, {@code **}, {@code -}, {@code >}) and lone punctuation count as nothing, while {@code well-known},
 * {@code 1,000} and {@code don't} count as one word each. Han, Hiragana and Katakana are written without
 * spaces: every such character counts as one word on its own (the Katakana prolonged-sound mark {@code ー}
 * counts as none).
 *
 * <p>One pass over the characters, no allocation: a 100k-word manuscript is counted in a few milliseconds.
 */
public final class WordCounter {

    private WordCounter() {}

    public static int count(CharSequence text) {
        return text == null ? 0 : count(text, 0, text.length());
    }

    /**
     * How many words an edit adds (negative: removes): {@code count(after) - count(before)}, where {@code after} is
     * {@code before} with everything between their common first {@code prefix} and last {@code suffix} code units
     * replaced ({@code prefix + suffix} at most the shorter length). Only the edit and its surroundings up to the
     * nearest character that ends any token (a space, a dash, a Han character, ...) on each side are counted: the
     * words beyond those characters are the same in both texts.
     */
    public static int countChange(CharSequence before, CharSequence after, int prefix, int suffix) {
        return countChange(before, after, prefix, suffix, true, true).getAsInt();
    }

    /**
     * {@link #countChange(CharSequence, CharSequence, int, int)} on windows of two texts: {@code before} and
     * {@code after} are the same stretch of the old and the new text around an edit (sharing their first
     * {@code prefix} and last {@code suffix} code units), {@code startsText} / {@code endsText} whether that stretch
     * begins / ends the whole text. Empty when a window side that is not the text's edge holds no character ending a
     * token outside the edit: the caller widens the windows and asks again. A window never begins or ends inside a
     * surrogate pair.
     */
    public static OptionalInt countChange(
            CharSequence before, CharSequence after, int prefix, int suffix, boolean startsText, boolean endsText) {
        int beforeLength = before.length();
        int afterLength = after.length();
        if (prefix < 0 || suffix < 0 || prefix + suffix > Math.min(beforeLength, afterLength)) {
            throw new IllegalArgumentException("prefix " + prefix + " and suffix " + suffix + " do not fit");
        }
        // from: just after the last token-ending character of the common prefix (or the text's start), where both
        // texts are counted from the same state (no open token) and have completed the same words
        int from = prefix;
        while (from > 0 && !endsAnyToken(before.charAt(from - 1))) {
            from--;
        }
        if (from == 0 && !startsText) {
            return OptionalInt.empty();
        }
        // to: just after the first token-ending character of the common suffix (or the text's end); beyond it both
        // texts go on alike from the same state
        int to = beforeLength - suffix;
        while (to < beforeLength && !endsAnyToken(before.charAt(to))) {
            to++;
        }
        if (to == beforeLength && !endsText) {
            return OptionalInt.empty();
        }
        int beforeTo = to < beforeLength ? to + 1 : beforeLength;
        int afterTo = beforeTo - beforeLength + afterLength;
        return OptionalInt.of(count(after, from, afterTo) - count(before, from, beforeTo));
    }

    /**
     * Whether {@code ch} ends any token whatever surrounds it, so that counting restarts after it with no open
     * token: a whitespace or dash separator of one UTF-16 unit (not {@code -}, which is one only before another), or
     * a Han, Hiragana or Katakana character of one unit.
     */
    static boolean endsAnyToken(char ch) {
        if (Character.isSurrogate(ch)) {
            return false;
        }
        if (ch < 0x80) {
            return ch == ' '
                    || ch == '\n'
                    || ch == '\t'
                    || ch == '\r'
                    || ch == '/'
                    || ch == '\f'
                    || ch == 0x0B
                    || (ch >= 0x1C && ch <= 0x1F);
        }
        return isSeparator(ch) || (ch >= 0x2E80 && isSpacelessScript(ch));
    }

    /** The words of {@code text[from, to)} counted as a text of its own. */
    private static int count(CharSequence text, int from, int to) {
        int words = 0;
        boolean tokenHasWord = false;
        int length = to;
        int i = from;
        while (i < length) {
            char ch = text.charAt(i);
            int cp;
            int width;
            if (Character.isHighSurrogate(ch) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(ch, text.charAt(i + 1));
                width = 2;
            } else {
                cp = ch;
                width = 1;
            }
            if (cp < 0x80) {
                // ASCII fast path: letters and digits join the token, separators end it, the rest is neutral
                if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
                    tokenHasWord = true;
                } else if (cp == ' '
                        || cp == '\n'
                        || cp == '\t'
                        || cp == '\r'
                        || cp == '/'
                        || cp == '\f'
                        || cp == 0x0B
                        || (cp >= 0x1C && cp <= 0x1F)
                        || (cp == '-' && i + 1 < length && text.charAt(i + 1) == '-')) {
                    if (tokenHasWord) {
                        words++;
                        tokenHasWord = false;
                    }
                }
            } else if (isSeparator(cp)) {
                if (tokenHasWord) {
                    words++;
                    tokenHasWord = false;
                }
            } else if (cp >= 0x2E80 && isSpacelessScript(cp)) {
                if (tokenHasWord) {
                    words++;
                    tokenHasWord = false;
                }
                if (!isProlongedSoundMark(cp)) {
                    words++;
                }
            } else if (Character.isLetterOrDigit(cp)) {
                tokenHasWord = true;
            }
            i += width;
        }
        return tokenHasWord ? words + 1 : words;
    }

    private static boolean isSeparator(int cp) {
        return cp == '\u2014'
                || cp == '\u2013'
                || cp == '\u200B'
                || Character.isWhitespace(cp)
                || Character.isSpaceChar(cp);
    }

    private static boolean isSpacelessScript(int cp) {
        if (isProlongedSoundMark(cp)) {
            return true;
        }
        if (!Character.isLetter(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** {@code ー} and its half-width form: part of a Katakana word, not a word of its own. */
    private static boolean isProlongedSoundMark(int cp) {
        return cp == '\u30FC' || cp == '\uFF70';
    }
}
