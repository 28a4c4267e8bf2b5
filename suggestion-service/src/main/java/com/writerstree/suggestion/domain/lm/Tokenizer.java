package com.writerstree.suggestion.domain.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits prose into the model's tokens: words (letters and digits, with inner apostrophes and hyphens kept:
 * {@code don't}, {@code Bennet's}, {@code to-morrow}) and the punctuation that shapes what comes next ({@code ,
 * ; : . ! ?} and the dash {@code —}). Curly apostrophes become straight ones; en and em dashes, {@code --} and a
 * lone hyphen become one dash token; quotation marks, brackets and other symbols only separate tokens (they
 * tell little about the next word and would waste context). A period after a known abbreviation ({@code Mr.},
 * {@code Mrs.}, {@code Dr.}) belongs to the word and does not end the sentence. The tokens keep their case:
 * {@link #key} gives the case-folded form the model counts.
 */
public final class Tokenizer {

    public static final String PERIOD = ".";
    public static final String DASH = "—";

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "messrs", "col", "capt", "esq", "rev", "sr", "jr", "mme", "mlle", "prof",
            "gen", "lt", "sgt", "hon", "mt", "vs", "etc");

    private Tokenizer() {}

    /** The tokens of {@code text}, in their written case. */
    public static List<String> tokens(CharSequence text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        StringBuilder word = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.setLength(0);
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        word.append(d);
                        i++;
                    } else if ((isApostrophe(d) || isHyphen(d))
                            && i + 1 < n
                            && Character.isLetterOrDigit(text.charAt(i + 1))) {
                        word.append(isApostrophe(d) ? '\'' : '-');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && text.charAt(i) == '.' && ABBREVIATIONS.contains(key(word.toString()))) {
                    word.append('.');
                    i++;
                }
                out.add(word.toString());
            } else if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                out.add(c == '\u2026' ? PERIOD : String.valueOf(c));
                while (i < n && isSentenceMark(text.charAt(i))) {
                    i++;
                }
            } else if (c == ',' || c == ';' || c == ':') {
                out.add(String.valueOf(c));
                i++;
            } else if (isDash(c) || isHyphen(c)) {
                if (out.isEmpty() || !DASH.equals(out.get(out.size() - 1))) {
                    out.add(DASH);
                }
                while (i < n && (isDash(text.charAt(i)) || isHyphen(text.charAt(i)))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return out;
    }

    /** The case-folded form a token is counted under. */
    public static String key(String token) {
        return token.toLowerCase(Locale.ROOT);
    }

    public static boolean isPunctuation(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetterOrDigit(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean endsSentence(String token) {
        return PERIOD.equals(token) || "!".equals(token) || "?".equals(token);
    }

    /**
     * Splits what a writer has typed into the complete tokens and the word being typed: text that ends inside a
     * word ({@code "over the la"}) leaves {@code "la"} as the prefix; text that ends with a space or punctuation
     * leaves an empty prefix.
     */
    public static Typed typed(String text) {
        int end = text.length();
        int start = end;
        while (start > 0) {
            char c = text.charAt(start - 1);
            if (Character.isLetterOrDigit(c) || isApostrophe(c) || isHyphen(c)) {
                start--;
            } else {
                break;
            }
        }
        // a leading apostrophe or hyphen of the run is punctuation, not part of the word
        while (start < end && (isApostrophe(text.charAt(start)) || isHyphen(text.charAt(start)))) {
            start++;
        }
        String prefix = text.substring(start, end).replace('\u2019', '\'').replace('\u2018', '\'');
        if (prefix.chars().noneMatch(Character::isLetterOrDigit)) {
            return new Typed(tokens(text), "");
        }
        return new Typed(tokens(text.substring(0, start)), normalisePrefix(prefix));
    }

    private static String normalisePrefix(String prefix) {
        StringBuilder b = new StringBuilder(prefix.length());
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            b.append(isApostrophe(c) ? '\'' : isHyphen(c) ? '-' : c);
        }
        return b.toString();
    }

    /** What a writer has typed: the complete tokens before the cursor, and the start of the word being typed. */
    public record Typed(List<String> tokens, String prefix) {}

    private static boolean isSentenceMark(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u2032';
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static boolean isDash(char c) {
        return c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2015' || c == '\u2E3A';
    }
}
