package com.writerstree.content.domain.merge;

import java.util.List;

/**
 * A delta save's {@code patch}: operations walked over the base version's text from its start, counted in
 * UTF-16 code units (what JavaScript's {@code String.length} counts). {@code retain n} keeps the next n code
 * units, {@code delete n} drops them, {@code insert text} adds text at the current position; whatever follows
 * the last operation is kept. A patch that runs past the end of the base, has an unknown op, a negative or
 * missing count, a missing text, or cuts a surrogate pair in two does not apply.
 */
public final class TextPatch {

    /** One operation: {@code {"op":"retain","n":120}}, {@code {"op":"delete","n":5}}, {@code {"op":"insert","text":"..."}}. */
    public record Op(String op, Integer n, String text) {}

    /** Thrown when a patch does not apply to the base text; the message says why (no text quoted). */
    public static final class NotApplicable extends RuntimeException {
        NotApplicable(String message) {
            super(message, null, false, false);
        }
    }

    private TextPatch() {}

    public static String apply(String base, List<Op> ops) {
        StringBuilder out = new StringBuilder(base.length() + 64);
        int at = 0;
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
                    if (n > base.length() - at) {
                        throw new NotApplicable("operation " + i + " (" + op.op() + " " + n + ") runs past the end"
                                + " of the base text (" + base.length() + " code units, at " + at + ")");
                    }
                    if (op.op().equals("retain")) {
                        out.append(base, at, at + n);
                    }
                    at += n;
                    if (splitsSurrogatePair(base, at)) {
                        throw new NotApplicable("operation " + i + " ends inside a surrogate pair (at " + at + ")");
                    }
                }
                case "insert" -> {
                    if (op.text() == null || op.n() != null) {
                        throw new NotApplicable("operation " + i + " (insert) needs a text and no count");
                    }
                    out.append(op.text());
                }
                default ->
                    throw new NotApplicable(
                            "operation " + i + " has an unknown op '" + op.op() + "' (retain, delete or insert)");
            }
        }
        out.append(base, at, base.length());
        return out.toString();
    }

    private static boolean splitsSurrogatePair(String text, int at) {
        return at > 0
                && at < text.length()
                && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }
}
