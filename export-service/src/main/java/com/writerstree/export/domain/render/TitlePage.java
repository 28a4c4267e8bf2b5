package com.writerstree.export.domain.render;

import com.writerstree.export.domain.render.model.ManuscriptMeta;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The lines of the {@code includeMetadata} title page, the same in every format. */
public final class TitlePage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private TitlePage() {}

    /** Under the title: author, word count, date, goal progress. */
    public static List<String> details(ManuscriptMeta meta) {
        return List.of(
                "by " + meta.authorOrAnonymous(),
                number(meta.wordCount()) + " words",
                meta.exportDate().format(DATE),
                "Goal: " + number(meta.wordGoal()) + " words (" + percent(meta.progress()) + "% reached)");
    }

    /** One line for document properties (DOCX description, PDF subject, EPUB description). */
    public static String summary(ManuscriptMeta meta) {
        return String.join("; ", details(meta));
    }

    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }

    public static String percent(double p) {
        return String.valueOf(Math.round(p * 10) / 10.0).replaceAll("\\.0$", "");
    }

    /** Shunn: "about 85,000 words". */
    public static String approximateWords(ManuscriptMeta meta) {
        return "about " + number(meta.roundedWordCount()) + " words";
    }
}
