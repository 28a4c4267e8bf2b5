package com.writerstree.content.domain.revision;

/**
 * How a text differs from the one before it, the cheap way a save can afford: the common beginning ({@code prefix})
 * and end ({@code suffix}) both texts share, in UTF-16 code units; what lies between them in the new text is the
 * delta's text. One pass of char comparisons from each end, no diff, no copy (the middle is cut out only when it is
 * stored). A cut never falls inside a surrogate pair, so the stored middle is valid Unicode whenever the texts are.
 */
public record RevisionDelta(int prefix, int suffix) {

    /** The delta turning {@code before} into {@code after}. */
    public static RevisionDelta between(String before, String after) {
        int beforeLength = before.length();
        int afterLength = after.length();
        int shorter = Math.min(beforeLength, afterLength);
        int prefix = 0;
        while (prefix < shorter && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        if (prefix > 0 && Character.isHighSurrogate(after.charAt(prefix - 1))) {
            prefix--; // the pair's second half differs: the whole pair belongs to the middle
        }
        int suffix = 0;
        int room = shorter - prefix;
        while (suffix < room && before.charAt(beforeLength - 1 - suffix) == after.charAt(afterLength - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && Character.isLowSurrogate(after.charAt(afterLength - suffix))) {
            suffix--; // the pair's first half differs
        }
        return new RevisionDelta(prefix, suffix);
    }

    /** Length of the middle of {@code after} (the text this delta stores), without cutting it out. */
    public int middleLength(String after) {
        return after.length() - prefix - suffix;
    }

    /** The middle of {@code after}: what a delta row stores. */
    public String middle(String after) {
        return after.substring(prefix, after.length() - suffix);
    }

    /** {@code before} with this delta applied, the middle being {@code middle} (a test's check; reading uses pieces). */
    public String applyTo(String before, String middle) {
        return before.substring(0, prefix) + middle + before.substring(before.length() - suffix);
    }
}
