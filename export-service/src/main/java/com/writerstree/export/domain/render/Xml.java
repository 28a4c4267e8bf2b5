package com.writerstree.export.domain.render;

import java.io.IOException;
import java.io.Writer;

/** XML text escaping for the hand-written OOXML and XHTML parts. */
public final class Xml {

    private Xml() {}

    /**
     * Escapes {@code s} for element text and attribute values. Characters XML 1.0 cannot carry at all (C0
     * controls other than tab/newline, lone surrogates) are written as U+FFFD so the file stays readable.
     */
    public static void escape(Writer w, String s) throws IOException {
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep = null;
            switch (c) {
                case '<' -> rep = "&lt;";
                case '>' -> rep = "&gt;";
                case '&' -> rep = "&amp;";
                case '"' -> rep = "&quot;";
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                        rep = "\uFFFD";
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            i++;
                        } else {
                            rep = "\uFFFD";
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        rep = "\uFFFD";
                    }
                }
            }
            if (rep != null) {
                w.write(s, start, i - start);
                w.write(rep);
                start = i + 1;
            }
        }
        w.write(s, start, n - start);
    }

    public static String escape(String s) {
        java.io.StringWriter w = new java.io.StringWriter(s.length() + 16);
        try {
            escape(w, s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }
}
