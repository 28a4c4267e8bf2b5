package com.writerstree.export.domain.render.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the manuscript is laid out: a readable book, or the standard manuscript format (Shunn). */
public enum ExportStyle {
    @JsonProperty("book")
    BOOK,
    @JsonProperty("manuscript")
    MANUSCRIPT;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }
}
