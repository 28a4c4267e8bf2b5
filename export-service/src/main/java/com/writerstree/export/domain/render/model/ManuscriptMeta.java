package com.writerstree.export.domain.render.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a file says about its manuscript besides the text: title page and document properties.
 *
 * @param progress percent of the word goal reached (0-100+)
 */
public record ManuscriptMeta(
        String title,
        String authorName,
        String authorEmail,
        int wordCount,
        int wordGoal,
        double progress,
        Instant exportedAt,
        String identifier) {

    public LocalDate exportDate() {
        return exportedAt.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The author's surname for the manuscript running header: the last word of the name. */
    public String surname() {
        String name = authorName == null ? "" : authorName.trim();
        if (name.isEmpty()) {
            return "Anonymous";
        }
        String[] parts = name.split("\\s+");
        return parts[parts.length - 1];
    }

    public String authorOrAnonymous() {
        return authorName == null || authorName.isBlank() ? "Anonymous" : authorName.trim();
    }

    /**
     * Shunn's word count: rounded to the nearest 100, or to the nearest 1,000 for a novel (40,000 words and
     * more); never below 100 for a non-empty text.
     */
    public long roundedWordCount() {
        if (wordCount <= 0) {
            return 0;
        }
        int unit = wordCount >= 40_000 ? 1000 : 100;
        long rounded = Math.round(wordCount / (double) unit) * unit;
        return Math.max(rounded, unit);
    }
}
