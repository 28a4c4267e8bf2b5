package com.writerstree.content.domain.merge;

import java.util.List;

/**
 * A delta save's {@code patch}: operations walked over the base version's text from its start, counted in
 * UTF-16 code units (what JavaScript's {@code String.length} counts). {@code retain n} keeps the next n code
 * units, {@code delete n} drops them, {@code insert text} adds text at the current position; whatever follows
 * the last operation is kept. A patch that runs past the end of the base, has an unknown op, a negative or
 * missing count, a missing text, or cuts a surrogate pair in two does not apply.
 *
 * <p>A patch changes one stretch of its base ({@link Edit}): from where its first delete or insert begins to where
 * its last one ends. {@link #reach} tells, from the counts alone, which stretch of the base a patch reads, so that
 * {@link #edit} can apply it to that stretch only (a one-word edit to a novel reads the word and its neighbours).
 */
public final class TextPatch {

    /** One operation: {@code {"op":"retain","n":120}}, {@code {"op":"delete","n":5}}, {@code {"op":"insert","text":"..."}}. */
    public record Op(String op, Integer n, String text) {}

    /**
     * What a patch does to its base: the base's code units {@code [start, end)} become {@code middle} (start = end:
     * a pure insertion; empty middle: a deletion; a patch of retains only: start = end, middle "").
     */
    public record Edit(int start, int end, String middle) {

        /** The base with this edit applied. */
        public String applyTo(String base) {
            return base.substring(0, start) + middle + base.substring(end);
        }
    }

    /**
     * The stretch {@code [from, to)} of a base of the given length that {@link #edit} reads: the edited stretch and
     * one code unit either side of every position where an operation ends (to check it cuts no surrogate pair), up
     * to the first operation that does not apply for a reason other than a cut pair.
     */
    public record Reach(int from, int to) {}

    /** Thrown when a patch does not apply to the base text; the message says why (no text quoted). */
    public static final class NotApplicable extends RuntimeException {
        NotApplicable(String message) {
            super(message, null, false, false);
        }
    }

    private TextPatch() {}

    public static String apply(String base, List<Op> ops) {
        return edit(base, 0, base.length(), ops).applyTo(base);
    }

    /** Which stretch of a base of {@code baseLength} code units {@link #edit} needs to see; counts only, no text. */
    public static Reach reach(int baseLength, List<Op> ops) {
        int last = lastEdit(ops);
        int at = 0;
        int from = Integer.MAX_VALUE;
        int to = 0;
        boolean editing = false;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op == null || op.op() == null) {
                break;
            }
            if (op.op().equals("retain") || op.op().equals("delete")) {
                if (op.n() == null || op.n() < 0 || op.text() != null || op.n() > baseLength - at) {
                    break;
                }
                editing |= op.op().equals("delete");
                if (editing && i <= last) { // deleted, or kept between edits: part of the edited stretch
                    from = Math.min(from, at);
                    to = Math.max(to, at + op.n());
                }
                at += op.n();
                from = Math.min(from, Math.max(0, at - 1)); // the pair check where the operation ends
                to = Math.max(to, Math.min(baseLength, at + 1));
            } else if (op.op().equals("insert")) {
                if (op.text() == null || op.n() != null) {
                    break;
                }
                editing = true;
                from = Math.min(from, at);
                to = Math.max(to, at);
            } else {
                break;
            }
        }
        return from == Integer.MAX_VALUE ? new Reach(0, 0) : new Reach(from, Math.max(from, to));
    }

    /** The index of the last operation that is not a retain (-1: none). */
    private static int lastEdit(List<Op> ops) {
        int last = -1;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op == null || op.op() == null || !op.op().equals("retain")) {
                last = i;
            }
        }
        return last;
    }

    /**
     * Applies {@code ops} to a base of {@code baseLength} code units of which {@code window} holds
     * {@code [windowStart, windowStart + window.length())}: at least {@link #reach} of the patch, beginning and ending
     * outside any surrogate pair. Throws {@link NotApplicable} exactly where {@link #apply} on the whole base would.
     */
    public static Edit edit(CharSequence window, int windowStart, int baseLength, List<Op> ops) {
        int last = lastEdit(ops); // the retains after it keep the rest of the base
        StringBuilder middle = new StringBuilder();
        int at = 0;
        int start = -1;
        int end = -1;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op == null || op.op() == null) {
                throw new NotApplicable("operation " + i + " has no op");
            }
            switch (op.op()) {
                case "retain", "delete" -> {
                    if (op.n() == null || op.n() < 0 || op.text() != null) {
                        throw new NotApplicable(
                                "operation " + i + " (" + op.op() + ") needs a count n >= 0 and no text");
                    }
                    int n = op.n();
                    if (n > baseLength - at) {
                        throw new NotApplicable("operation " + i + " (" + op.op() + " " + n + ") runs past the end"
                                + " of the base text (" + baseLength + " code units, at " + at + ")");
                    }
                    boolean delete = op.op().equals("delete");
                    if (delete && start < 0) {
                        start = at;
                    }
                    if (!delete && start >= 0 && i < last) {
                        middle.append(window, at - windowStart, at + n - windowStart);
                    }
                    at += n;
                    if (start >= 0 && i <= last) {
                        end = at;
                    }
                    if (splitsSurrogatePair(window, windowStart, baseLength, at)) {
                        throw new NotApplicable("operation " + i + " ends inside a surrogate pair (at " + at + ")");
                    }
                }
                case "insert" -> {
                    if (op.text() == null || op.n() != null) {
                        throw new NotApplicable("operation " + i + " (insert) needs a text and no count");
                    }
                    if (start < 0) {
                        start = at;
                    }
                    end = at;
                    middle.append(op.text());
                }
                default ->
                    throw new NotApplicable(
                            "operation " + i + " has an unknown op '" + op.op() + "' (retain, delete or insert)");
            }
        }
        if (start < 0) {
            return new Edit(at, at, ""); // retains only: nothing changes
        }
        return new Edit(start, end, middle.toString());
    }

    private static boolean splitsSurrogatePair(CharSequence window, int windowStart, int baseLength, int at) {
        int windowEnd = windowStart + window.length();
        if (at <= 0 || at >= baseLength || at == windowStart || at == windowEnd) {
            return false; // the base's ends, or a window's edge (never inside a pair)
        }
        if (at < windowStart || at > windowEnd) {
            throw new IllegalStateException("position " + at + " lies outside the patch's window");
        }
        return Character.isHighSurrogate(window.charAt(at - 1 - windowStart))
                && Character.isLowSurrogate(window.charAt(at - windowStart));
    }
}
