package com.writerstree.platform.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses text PostgreSQL or Java would alter or refuse (issue #8, items 4 and 5), before anything reads it:
 * invalid UTF-8 (overlong forms such as {@code C0 AF}, encoded surrogates {@code ED A0..BF}, bytes above
 * U+10FFFF, stray or missing continuation bytes), the NUL byte, and in JSON the escapes {@code \u0000} and
 * unpaired surrogates ({@code \ud800} not followed by a low surrogate escape, a low surrogate alone). What passes
 * decodes to exactly the text the client sent, so what is acknowledged is what is stored.
 *
 * <p>{@link #validating(InputStream, boolean)} checks while the body streams (no copy); {@link #check(byte[],
 * boolean)} and {@link #checkText(CharSequence)} check whole values. Violations are {@link Invalid}.
 */
public final class StrictUtf8 {

    /** The input is not text this suite stores: a 400 VALIDATION_ERROR. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private StrictUtf8() {}

    /** Validates bytes as they are read; with {@code json}, also the escapes inside JSON strings. */
    public static InputStream validating(InputStream in, boolean json) {
        return new ValidatingStream(in, new Checker(json));
    }

    /** Validates a whole byte array (e.g. a percent-decoded URI). */
    public static void check(byte[] bytes, boolean json) {
        Checker checker = new Checker(json);
        for (byte b : bytes) {
            checker.accept(b & 0xFF);
        }
        checker.end();
    }

    /** Validates an already decoded text: no NUL, no unpaired surrogate. */
    public static void checkText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new Invalid("Text must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new Invalid("Text must not contain an unpaired surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                throw new Invalid("Text must not contain an unpaired surrogate");
            }
        }
    }

    /** A byte-at-a-time strict UTF-8 decoder plus a JSON string-escape scanner. */
    static final class Checker {
        private final boolean json;
        // UTF-8
        private int remaining; // continuation bytes still expected
        private int lower = 0x80; // allowed range of the next continuation byte
        private int upper = 0xBF;
        // JSON
        private boolean inString;
        private int escape; // 0: none, 1: after '\', 2..5: reading hex digit 1..4 of \\u
        private int unit;
        private int needLow; // 0: none, 1: expect '\', 2: expect 'u', then hex of a low surrogate

        Checker(boolean json) {
            this.json = json;
        }

        void accept(int b) {
            utf8(b);
            if (json && b < 0x80) {
                ascii(b);
            } else if (json && needLow > 0) {
                throw new Invalid("Text must not contain an unpaired surrogate");
            }
        }

        void end() {
            if (remaining > 0) {
                throw new Invalid("Invalid UTF-8: truncated character");
            }
            if (needLow > 0 || escape > 1) {
                throw new Invalid("Text must not contain an unpaired surrogate");
            }
        }

        private void utf8(int b) {
            if (remaining > 0) {
                if (b < lower || b > upper) {
                    throw new Invalid("Invalid UTF-8");
                }
                remaining--;
                lower = 0x80;
                upper = 0xBF;
                return;
            }
            if (b == 0) {
                throw new Invalid("Text must not contain the NUL character");
            }
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                remaining = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                remaining = 2;
                if (b == 0xE0) {
                    lower = 0xA0; // no overlong 3-byte forms
                } else if (b == 0xED) {
                    upper = 0x9F; // no encoded surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                remaining = 3;
                if (b == 0xF0) {
                    lower = 0x90; // no overlong 4-byte forms
                } else if (b == 0xF4) {
                    upper = 0x8F; // nothing above U+10FFFF
                }
            } else {
                throw new Invalid("Invalid UTF-8"); // C0, C1 (overlong), F5..FF, a stray continuation byte
            }
        }

        private void ascii(int b) {
            if (!inString) {
                if (b == '"') {
                    inString = true;
                }
                return;
            }
            if (needLow == 1) {
                if (b != '\\') {
                    throw new Invalid("Text must not contain an unpaired surrogate");
                }
                needLow = 2;
                escape = 1;
                return;
            }
            if (escape == 1) {
                if (needLow == 2 && b != 'u') {
                    throw new Invalid("Text must not contain an unpaired surrogate");
                }
                if (b == 'u') {
                    escape = 2;
                    unit = 0;
                } else {
                    escape = 0;
                }
                return;
            }
            if (escape >= 2) {
                int digit = Character.digit(b, 16);
                if (digit < 0) {
                    escape = 0; // malformed escape: the JSON parser refuses it
                    needLow = 0;
                    return;
                }
                unit = unit * 16 + digit;
                if (++escape == 6) {
                    escape = 0;
                    unit(unit);
                }
                return;
            }
            if (b == '\\') {
                escape = 1;
            } else if (b == '"') {
                inString = false;
            }
        }

        private void unit(int value) {
            boolean low = value >= 0xDC00 && value <= 0xDFFF;
            if (needLow == 2) {
                needLow = 0;
                if (!low) {
                    throw new Invalid("Text must not contain an unpaired surrogate");
                }
                return;
            }
            if (value == 0) {
                throw new Invalid("Text must not contain the NUL character");
            }
            if (value >= 0xD800 && value <= 0xDBFF) {
                needLow = 1;
            } else if (low) {
                throw new Invalid("Text must not contain an unpaired surrogate");
            }
        }
    }

    private static final class ValidatingStream extends FilterInputStream {
        private final Checker checker;
        private boolean ended;

        ValidatingStream(InputStream in, Checker checker) {
            super(in);
            this.checker = checker;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            } else {
                checker.accept(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                end();
            }
            for (int i = 0; i < n; i++) {
                checker.accept(buffer[offset + i] & 0xFF);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void end() {
            if (!ended) {
                ended = true;
                checker.end();
            }
        }
    }
}
