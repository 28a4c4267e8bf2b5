package com.writerstree.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WordCounter#countChange}: the word count of an edited text from the edit and its surroundings only, checked
 * against counting the whole text again on seeded random edits whose cuts fall on every kind of character the rule
 * treats specially (emoji and other surrogate pairs, Han and Kana, the prolonged-sound mark, dashes, runs of hyphens,
 * slashes, no-break and zero-width spaces, punctuation, digits).
 */
class WordCounterChangeTest {

    /** Pieces texts and edits are made of; several of them change the count of their neighbours. */
    private static final String[] PIECES = {
        "a", "word", "Z", "7", "1,000", "é", "don't", " ", " ", "  ", "\n", "\t", "\r\n", "\u00A0", "\u2003", "\u200B",
        "\u3000", "-", "--", "---", "—", "–", "/", ".", ",", "!", "'", "#", "**", "東", "京", "ひ", "カ", "ー", "ｰ", "한",
        "😀", "😁", "𝄞", "👩‍💻", "𠀀", "\u0301", "\u000B", "\u001C"
    };

    @Test
    void theChangeOfACountIsTheCountOfTheEditedTextMinusTheOriginal() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            String before = fragment(random, random.nextInt(40));
            String after = edit(random, before);
            int prefix = commonPrefix(before, after);
            int suffix = commonSuffix(before, after, prefix);
            int expected = WordCounter.count(after) - WordCounter.count(before);
            assertEquals(
                    expected,
                    WordCounter.countChange(before, after, prefix, suffix),
                    () -> "'" + escape(before) + "' -> '" + escape(after) + "'");
            // any shorter common prefix / suffix (not cutting a pair) gives the same answer
            int shorterPrefix = pairSafe(before, random.nextInt(prefix + 1));
            int shorterSuffix = random.nextInt(suffix + 1);
            if (shorterSuffix > 0 && Character.isLowSurrogate(before.charAt(before.length() - shorterSuffix))) {
                shorterSuffix--;
            }
            assertEquals(expected, WordCounter.countChange(before, after, shorterPrefix, shorterSuffix));
        }
    }

    @Test
    void windowsAroundTheEditGiveTheSameChangeOrAskForMoreContext() {
        Random random = new Random(11);
        int answered = 0;
        for (int round = 0; round < 20_000; round++) {
            String before = fragment(random, 10 + random.nextInt(60));
            String after = edit(random, before);
            int prefix = commonPrefix(before, after);
            int suffix = commonSuffix(before, after, prefix);
            int expected = WordCounter.count(after) - WordCounter.count(before);
            // a window [from, beforeTo) of the old text around the edit, and the same stretch of the new one
            int from = pairSafe(before, random.nextInt(prefix + 1));
            int beforeTo = before.length() - random.nextInt(suffix + 1);
            if (beforeTo < before.length() && Character.isLowSurrogate(before.charAt(beforeTo))) {
                beforeTo++;
            }
            int afterTo = beforeTo - before.length() + after.length();
            OptionalInt change = WordCounter.countChange(
                    before.substring(from, beforeTo),
                    after.substring(from, afterTo),
                    prefix - from,
                    beforeTo - (before.length() - suffix),
                    from == 0,
                    beforeTo == before.length());
            if (change.isPresent()) {
                answered++;
                assertEquals(expected, change.getAsInt(), "'" + escape(before) + "' -> '" + escape(after) + "'");
            }
        }
        assertTrue(answered > 5_000, "most windows hold enough context: " + answered);
    }

    @Test
    void aOneWordEditToANovelLooksAtTheWordOnly() {
        StringBuilder novel = new StringBuilder();
        for (int i = 0; i < 150_000; i++) {
            novel.append(i % 12 == 11 ? "night. " : "rain ");
        }
        String before = novel.toString();
        int at = before.indexOf(" rain ", before.length() / 2) + 1;
        String after = before.substring(0, at) + "snow" + before.substring(at + 4);
        // a window of 20 characters around the edit is enough
        OptionalInt change = WordCounter.countChange(
                before.substring(at - 10, at + 14), after.substring(at - 10, at + 14), 10, 10, false, false);
        assertEquals(OptionalInt.of(0), change);
        assertEquals(1, WordCounter.countChange("a b", "a bc d", 3, 0));
        assertEquals(-1, WordCounter.countChange("well known", "wellknown", 4, 5));
        assertEquals(1, WordCounter.countChange("ab", "a-- b", 1, 1));
        assertEquals(1, WordCounter.countChange("a-b", "a--b", 2, 1)); // the kept hyphen now starts a run: two words
    }

    private static String fragment(Random random, int pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    /** Replaces a random stretch (code points, so never half a pair) with up to four random pieces. */
    private static String edit(Random random, String text) {
        int points = text.codePointCount(0, text.length());
        int from = text.offsetByCodePoints(0, random.nextInt(points + 1));
        int rest = text.codePointCount(from, text.length());
        int to = text.offsetByCodePoints(from, rest == 0 ? 0 : random.nextInt(Math.min(rest, 6) + 1));
        return text.substring(0, from) + fragment(random, random.nextInt(5)) + text.substring(to);
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return pairSafe(a, n);
    }

    private static int commonSuffix(String a, String b, int prefix) {
        int n = 0;
        int room = Math.min(a.length(), b.length()) - prefix;
        while (n < room && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        if (n > 0 && Character.isLowSurrogate(a.charAt(a.length() - n))) {
            n--;
        }
        return n;
    }

    /** {@code at}, moved back off the middle of a surrogate pair. */
    private static int pairSafe(String text, int at) {
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
