package com.writerstree.export.domain.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The manuscript formats, with what a download of each is labelled as. */
public enum ExportFormat {
    @JsonProperty("txt")
    TXT("text/plain; charset=utf-8"),
    @JsonProperty("docx")
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    @JsonProperty("pdf")
    PDF("application/pdf"),
    @JsonProperty("epub")
    EPUB("application/epub+zip");

    private final String contentType;

    ExportFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return extension();
    }
}
