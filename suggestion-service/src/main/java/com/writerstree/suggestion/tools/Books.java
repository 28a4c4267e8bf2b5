package com.writerstree.suggestion.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A novel as plain text (one line per printed line, as r-cran-janeaustenr ships it) split into chapters. Lines
 * before the first chapter heading (title, author) and the headings themselves ("CHAPTER IV", "Chapter 4",
 * "VOLUME II") are left out: they are not prose a writer types.
 */
public final class Books {

    private static final Pattern HEADING =
            Pattern.compile("^\\s*(CHAPTER|Chapter|VOLUME|Volume)\\s+[0-9IVXLC]+\\.?\\s*$");

    private Books() {}

    public static List<String> chapters(String book) {
        List<String> chapters = new ArrayList<>();
        StringBuilder current = null;
        for (String line : book.split("\\R", -1)) {
            if (HEADING.matcher(line).matches()) {
                if (current != null && !current.toString().isBlank()) {
                    chapters.add(current.toString());
                }
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null && !current.toString().isBlank()) {
            chapters.add(current.toString());
        }
        return chapters;
    }

    public static String read(InputStream in, boolean gzipped) throws IOException {
        try (InputStream source = gzipped ? new GZIPInputStream(in) : in) {
            return new String(source.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
