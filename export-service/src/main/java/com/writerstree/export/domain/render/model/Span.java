package com.writerstree.export.domain.render.model;

/** A run of text in one style. A {@code "\n"} span is a line break inside a paragraph. */
public record Span(String text, boolean bold, boolean italic) {

    public static final Span LINE_BREAK = new Span("\n", false, false);

    public boolean isLineBreak() {
        return "\n".equals(text);
    }
}
