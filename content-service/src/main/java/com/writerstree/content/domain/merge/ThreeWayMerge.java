package com.writerstree.content.domain.merge;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * <p><b>Regions (diff3).</b> Each edit has a span of base positions where it could equally be placed (a pure
 * insertion or deletion slides over equal neighbouring tokens; a head or tail of any edit's new tokens may sit
 * beyond the base tokens it ends or begins like): two diffs may align one change anywhere in that span. Edits
 * of the two sides whose closed spans meet form one region. A region changed by one side takes that side's
 * edits; a region both sides changed the same way is applied once (however the diffs aligned it: a sentence
 * both devices added, a retried stale save); else {@link #resolve} takes one side's region text when it holds
 * both sides' changes; else the merge is refused ({@link Optional#empty()}) and nothing may be stored.
 *
 * <p>So merge(b, x, x) = merge(b, b, x) = merge(b, x, b) = x, edits separated by a token both sides left alone
 * both apply, and no change is applied twice.
 */
public final class ThreeWayMerge {

    /** Above this many differing tokens on one side the diff is not attempted and the save is a conflict. */
    public static final int MAX_DIFF_TOKENS = 200_000;

    private ThreeWayMerge() {}

    /** One replacement of base tokens {@code [start, end)} by {@code tokens}. */
    public record Edit(int start, int end, List<String> tokens) {}

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
        return combine(baseTokens, serverEdits.get(), clientEdits.get()).map(all -> apply(baseTokens, all));
    }

    /** An edit of one side and the span {@code [lo, hi]} of base positions it can equally be placed at. */
    record Placed(Edit edit, boolean server, int lo, int hi) {}

    /**
     * Both sides' edits in base order, diff3 style: edits of the two sides whose spans meet form one region;
     * a region both sides changed is taken once when both sides made it the same, and is a conflict otherwise.
     */
    static Optional<List<Edit>> combine(List<String> base, List<Edit> server, List<Edit> client) {
        List<Placed> all = new ArrayList<>(server.size() + client.size());
        place(base, server, true, all);
        place(base, client, false, all);
        all.sort(Comparator.comparingInt(Placed::lo).thenComparingInt(Placed::hi));
        List<Edit> merged = new ArrayList<>(all.size());
        int k = 0;
        while (k < all.size()) {
            int end = k + 1;
            int hi = all.get(k).hi();
            while (end < all.size() && all.get(end).lo() <= hi) {
                hi = Math.max(hi, all.get(end).hi());
                end++;
            }
            List<Placed> region = all.subList(k, end);
            boolean byServer = region.stream().anyMatch(Placed::server);
            boolean byClient = region.stream().anyMatch(p -> !p.server());
            if (byServer && byClient) {
                int from = region.stream().mapToInt(p -> p.edit().start()).min().orElseThrow();
                int to = region.stream().mapToInt(p -> p.edit().end()).max().orElseThrow();
                List<Placed> others = new ArrayList<>(all.subList(0, k));
                others.addAll(all.subList(end, all.size()));
                Optional<List<String>> text = resolve(
                        base.subList(from, to),
                        rewrite(base, from, to, region, true),
                        rewrite(base, from, to, region, false),
                        others);
                if (text.isEmpty()) {
                    return Optional.empty();
                }
                merged.add(new Edit(from, to, text.get()));
            } else {
                region.stream().map(Placed::edit).sorted(BASE_ORDER).forEach(merged::add);
            }
            k = end;
        }
        return Optional.of(merged);
    }

    /**
     * One region both sides changed: {@code base} became {@code server} on one side and {@code client} on the
     * other. Identical → taken once. Otherwise the two texts' common beginning {@code P} and common end {@code Q}
     * are changes both sides made (or base text both kept); what lies between is compared with the base text
     * between them: if one side left it as in the base, the other side's middle is taken ({@code P + middle +
     * Q}, which is exactly that other side's text, so it holds every change of both sides). Otherwise conflict.
     *
     * <p>The diffs may have cut one side's copy of a shared change in two, one piece here and one in a nearby
     * edit outside the region ({@code ". She left"} as {@code "."} here and {@code "She left C2"} one space
     * further). So a middle is taken only when none of its non-blank tokens is also inserted by an edit of the
     * other side outside the region ({@code others}); otherwise conflict: refusing is safe, doubling is not.
     */
    static Optional<List<String>> resolve(
            List<String> base, List<String> server, List<String> client, List<Placed> others) {
        if (server.equals(client)) {
            return Optional.of(server);
        }
        int prefix = commonPrefix(server, client);
        int suffix = commonSuffix(server.subList(prefix, server.size()), client.subList(prefix, client.size()));
        int basePrefix = commonPrefix(base, server.subList(0, prefix));
        int baseSuffix = commonSuffix(
                base.subList(basePrefix, base.size()), server.subList(server.size() - suffix, server.size()));
        List<String> baseMiddle = base.subList(basePrefix, base.size() - baseSuffix);
        List<String> serverMiddle = server.subList(prefix, server.size() - suffix);
        List<String> clientMiddle = client.subList(prefix, client.size() - suffix);
        if (serverMiddle.equals(baseMiddle) && !insertedElsewhere(clientMiddle, others, true)) {
            return Optional.of(client);
        }
        if (clientMiddle.equals(baseMiddle) && !insertedElsewhere(serverMiddle, others, false)) {
            return Optional.of(server);
        }
        return Optional.empty();
    }

    /** Whether a non-blank token of {@code middle} is among the tokens an edit of the given side inserts. */
    private static boolean insertedElsewhere(List<String> middle, List<Placed> others, boolean server) {
        Set<String> taken = new HashSet<>();
        for (String token : middle) {
            if (!token.isBlank()) {
                taken.add(token);
            }
        }
        return !taken.isEmpty()
                && others.stream()
                        .filter(p -> p.server() == server)
                        .anyMatch(p -> p.edit().tokens().stream().anyMatch(taken::contains));
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int n = 0;
        int max = Math.min(a.size(), b.size());
        while (n < max && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(List<String> a, List<String> b) {
        int n = 0;
        int max = Math.min(a.size(), b.size());
        while (n < max && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n))) {
            n++;
        }
        return n;
    }

    private static final Comparator<Edit> BASE_ORDER =
            Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end);

    /**
     * The span of each edit: a pure insertion (or pure deletion) can slide over equal neighbouring tokens without
     * changing the text it makes ({@code "rained" + ". She left" + "."} is {@code "rained" + "." + " She left."});
     * the two sides' diffs may have placed the same change anywhere in that span. It slides no further than the
     * side's neighbouring edits. A replacement stays where it is.
     */
    private static void place(List<String> base, List<Edit> edits, boolean server, List<Placed> out) {
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            int floor = i == 0 ? 0 : edits.get(i - 1).end();
            int ceiling = i == edits.size() - 1 ? base.size() : edits.get(i + 1).start();
            int lo = e.start();
            int hi = e.end();
            if (e.start() == e.end()) {
                ArrayDeque<String> tokens = new ArrayDeque<>(e.tokens());
                while (lo > floor && base.get(lo - 1).equals(tokens.peekLast())) {
                    tokens.addFirst(tokens.pollLast());
                    lo--;
                }
                tokens = new ArrayDeque<>(e.tokens());
                while (hi < ceiling && base.get(hi).equals(tokens.peekFirst())) {
                    tokens.addLast(tokens.pollFirst());
                    hi++;
                }
            } else if (e.tokens().isEmpty()) {
                int s = e.start();
                int t = e.end();
                while (s > floor && base.get(s - 1).equals(base.get(t - 1))) {
                    s--;
                    t--;
                }
                lo = s;
                s = e.start();
                t = e.end();
                while (t < ceiling && base.get(s).equals(base.get(t))) {
                    s++;
                    t++;
                }
                hi = t;
            }
            if (!e.tokens().isEmpty()) {
                // any part of the new tokens may be what the other side's diff aligned elsewhere: a head
                // T[0, m) can sit left of the base tokens it ends like, a tail T[m, |T|) right of those it
                // begins like ("w0 -> S0, and then" is "w0 -> S0" plus ", and then" inserted one token on)
                lo = Math.min(lo, e.start() - headSlide(base, floor, e.start(), e.tokens()));
                hi = Math.max(hi, e.end() + tailSlide(base, e.end(), ceiling, e.tokens()));
            }
            out.add(new Placed(e, server, lo, hi));
        }
    }

    /** Bound on the new tokens examined for head/tail slides (a paste of a whole book is not scanned). */
    private static final int MAX_SLIDE_SCAN = 20_000;

    /** Bound on one head/tail slide (in tokens); a longer shared run just counts as this long. */
    private static final int MAX_SLIDE = 256;

    /** The longest common suffix of {@code base[floor, at)} and a head {@code tokens[0, m)}, over all m. */
    private static int headSlide(List<String> base, int floor, int at, List<String> tokens) {
        if (at == floor) {
            return 0;
        }
        String before = base.get(at - 1);
        int best = 0;
        for (int m = 1; m <= Math.min(tokens.size(), MAX_SLIDE_SCAN); m++) {
            if (tokens.get(m - 1).equals(before)) {
                int k = 1;
                while (k < m
                        && k < MAX_SLIDE
                        && at - 1 - k >= floor
                        && base.get(at - 1 - k).equals(tokens.get(m - 1 - k))) {
                    k++;
                }
                best = Math.max(best, k);
            }
        }
        return best;
    }

    /** The longest common prefix of {@code base[at, ceiling)} and a tail {@code tokens[m, |T|)}, over all m. */
    private static int tailSlide(List<String> base, int at, int ceiling, List<String> tokens) {
        if (at == ceiling) {
            return 0;
        }
        String after = base.get(at);
        int best = 0;
        int n = tokens.size();
        for (int m = n - 1; m >= Math.max(0, n - MAX_SLIDE_SCAN); m--) {
            if (tokens.get(m).equals(after)) {
                int k = 1;
                while (m + k < n
                        && k < MAX_SLIDE
                        && at + k < ceiling
                        && base.get(at + k).equals(tokens.get(m + k))) {
                    k++;
                }
                best = Math.max(best, k);
            }
        }
        return best;
    }

    /** Base tokens {@code [from, to)} with one side's edits of the region applied. */
    private static List<String> rewrite(List<String> base, int from, int to, List<Placed> region, boolean server) {
        List<String> out = new ArrayList<>();
        int at = from;
        for (Edit e : region.stream()
                .filter(p -> p.server() == server)
                .map(Placed::edit)
                .sorted(BASE_ORDER)
                .toList()) {
            out.addAll(base.subList(at, e.start()));
            out.addAll(e.tokens());
            at = e.end();
        }
        out.addAll(base.subList(at, to));
        return out;
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
