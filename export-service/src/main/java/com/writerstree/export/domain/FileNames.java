package com.writerstree.export.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** A readable, safe download name from the project's title, and the Content-Disposition that carries it. */
public final class FileNames {

    private FileNames() {}

    /**
     * ASCII letters, digits, {@code -} and {@code _} only (accents dropped, other characters become {@code -}),
     * at most 80 characters; {@code export} when nothing is left.
     */
    public static String safe(String title) {
        String base = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9_-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[-_]+|[-_]+$", "");
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("[-_]+$", "");
        }
        return base.isEmpty() ? "export" : base;
    }

    /** {@code attachment} with the safe name, plus the title's own characters for clients that read RFC 5987. */
    public static String disposition(String title, String extension) {
        String ascii = safe(title) + "." + extension;
        String original = (title == null || title.isBlank() ? "export" : title.strip()) + "." + extension;
        String encoded = URLEncoder.encode(original, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
