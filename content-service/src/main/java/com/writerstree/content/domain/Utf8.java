package com.writerstree.content.domain;

/** Sizes of text in UTF-8, measured without encoding it. */
public final class Utf8 {

    private Utf8() {}

    /** Whether {@code text} takes more than {@code limit} bytes in UTF-8; stops counting once it does. */
    public static boolean exceeds(CharSequence text, long limit) {
        int length = text.length();
        if (length > limit) {
            return true; // at least one byte per char
        }
        if ((long) length * 3 <= limit) {
            return false; // at most three bytes per char (a surrogate pair is 4 bytes for 2 chars)
        }
        return bytes(text, limit) > limit;
    }

    /** The length of {@code text} in UTF-8 bytes (an unpaired surrogate as the 3 bytes of its replacement). */
    public static long length(CharSequence text) {
        return bytes(text, Long.MAX_VALUE);
    }

    /** The UTF-8 length of {@code text}, or a number above {@code limit} as soon as it exceeds it. */
    private static long bytes(CharSequence text, long limit) {
        int length = text.length();
        long bytes = 0;
        for (int i = 0; i < length && bytes <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
