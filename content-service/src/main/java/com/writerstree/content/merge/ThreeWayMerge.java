package com.writerstree.content.merge;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Three-way merge of a stale save: the text the client started from ({@code base}), the text the server holds
 * now ({@code server}) and the text the client sent ({@code client}). Pure, no framework.
 *
 * <p>The texts are cut into tokens: a run of letters/digits (one word), a run of whitespace, a single Han,
 * Hiragana or Katakana character, or any other single character (punctuation, symbols); a code point is never
 * split. The edits base→server and base→client are computed on these tokens (java-diff-utils, Myers), each edit
 * being a region {@code [start, end)} of base tokens replaced by new tokens ({@code start == end}: a pure
 * insertion before token {@code start}).
 *
 * <p><b>Overlap.</b> A server edit {@code [s1, e1)} and a client edit {@code [s2, e2)} overlap when the closed
 * intervals {@code [s1, e1]} and {@code [s2, e2]} intersect, i.e. {@code max(s1, s2) <= min(e1, e2)}. So edits
 * that share a token overlap, edits that touch (one ends where the other starts) overlap, and two insertions at
 * the same position overlap (their order would be a guess). Two edits separated by at least one token both
 * sides left alone do not overlap. The only exception: two identical edits (same region, same new tokens, e.g.
 * a retried save) are one agreed edit.
 *
 * <p><b>Result.</b> If no server edit overlaps a client edit, every edit of both sides is applied to the base;
 * the result equals the client's edits applied to the server text and the server's edits applied to the client
 * text, so every inserted fragment of either side is present and every base token deleted by either side is
 * absent. Otherwise the merge is refused ({@link Optional#empty()}) and nothing may be stored.
 */
public final class ThreeWayMerge {

    /** Above this many differing tokens on one side the diff is not attempted and the save is a conflict. */
    public static final int MAX_DIFF_TOKENS = 200_000;

    private ThreeWayMerge() {}

    /** One replacement of base tokens {@code [start, end)} by {@code tokens}. */
    public record Edit(int start, int end, List<String> tokens) {
        boolean overlaps(Edit other) {
            return Math.max(start, other.start) <= Math.min(end, other.end);
        }
    }

    /** The merged text, or empty when the two sides' edits overlap (a conflict). */
    public static Optional<String> merge(String base, String server, String client) {
        if (server.equals(client) || base.equals(client)) {
            return Optional.of(server);
        }
        if (base.equals(server)) {
            return Optional.of(client);
        }
        List<String> baseTokens = tokenize(base);
        Optional<List<Edit>> serverEdits = edits(baseTokens, tokenize(server));
        Optional<List<Edit>> clientEdits = edits(baseTokens, tokenize(client));
        if (serverEdits.isEmpty() || clientEdits.isEmpty()) {
            return Optional.empty();
        }
        return combine(serverEdits.get(), clientEdits.get()).map(all -> apply(baseTokens, all));
    }

    /** Both sides' edits in base order, or empty when one server edit overlaps a different client edit. */
    static Optional<List<Edit>> combine(List<Edit> server, List<Edit> client) {
        List<Edit> all = new ArrayList<>(server.size() + client.size());
        int i = 0;
        int j = 0;
        while (i < server.size() || j < client.size()) {
            if (j == client.size()) {
                all.add(server.get(i++));
            } else if (i == server.size()) {
                all.add(client.get(j++));
            } else {
                Edit s = server.get(i);
                Edit c = client.get(j);
                if (s.overlaps(c)) {
                    if (!s.equals(c)) {
                        return Optional.empty();
                    }
                    all.add(s);
                    i++;
                    j++;
                } else if (s.start() < c.start()) {
                    all.add(s);
                    i++;
                } else {
                    all.add(c);
                    j++;
                }
            }
        }
        // an edit may overlap a later edit of the other side it was not compared with (e.g. a long server
        // deletion spanning several client edits): check the merged order once more
        for (int k = 1; k < all.size(); k++) {
            if (all.get(k - 1).overlaps(all.get(k))) {
                return Optional.empty();
            }
        }
        return Optional.of(all);
    }

    private static String apply(List<String> base, List<Edit> edits) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Edit e : edits) {
            for (int k = at; k < e.start(); k++) {
                out.append(base.get(k));
            }
            e.tokens().forEach(out::append);
            at = e.end();
        }
        for (int k = at; k < base.size(); k++) {
            out.append(base.get(k));
        }
        return out.toString();
    }

    /** The edits that turn {@code base} into {@code other}, in base order; empty when too large to diff. */
    static Optional<List<Edit>> edits(List<String> base, List<String> other) {
        int prefix = 0;
        int max = Math.min(base.size(), other.size());
        while (prefix < max && base.get(prefix).equals(other.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && base.get(base.size() - 1 - suffix).equals(other.get(other.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> baseMiddle = base.subList(prefix, base.size() - suffix);
        List<String> otherMiddle = other.subList(prefix, other.size() - suffix);
        if (baseMiddle.isEmpty() && otherMiddle.isEmpty()) {
            return Optional.of(List.of());
        }
        if (baseMiddle.isEmpty() || otherMiddle.isEmpty()) {
            return Optional.of(List.of(new Edit(prefix, prefix + baseMiddle.size(), List.copyOf(otherMiddle))));
        }
        if (baseMiddle.size() > MAX_DIFF_TOKENS || otherMiddle.size() > MAX_DIFF_TOKENS) {
            return Optional.empty();
        }
        List<Edit> edits = new ArrayList<>();
        for (AbstractDelta<String> delta :
                DiffUtils.diff(baseMiddle, otherMiddle).getDeltas()) {
            int start = prefix + delta.getSource().getPosition();
            edits.add(new Edit(
                    start,
                    start + delta.getSource().size(),
                    List.copyOf(delta.getTarget().getLines())));
        }
        edits.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
        return Optional.of(edits);
    }

    /** Cuts a text into word, whitespace, ideograph and single-symbol tokens; concatenated they give the text. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int kind = kind(cp);
            int end = i + Character.charCount(cp);
            if (kind == WORD || kind == SPACE) {
                while (end < n) {
                    int next = text.codePointAt(end);
                    if (kind(next) != kind) {
                        break;
                    }
                    end += Character.charCount(next);
                }
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static final int WORD = 0;
    private static final int SPACE = 1;
    private static final int SINGLE = 2;

    private static int kind(int cp) {
        if (cp < 0x80) { // ASCII fast path
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9'
                    ? WORD
                    : Character.isWhitespace(cp) ? SPACE : SINGLE;
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return SPACE;
        }
        if (Character.isLetterOrDigit(cp)) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN
                            || script == Character.UnicodeScript.HIRAGANA
                            || script == Character.UnicodeScript.KATAKANA
                    ? SINGLE
                    : WORD;
        }
        return SINGLE;
    }
}
