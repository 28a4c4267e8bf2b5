package com.writerstree.identity.domain.user;

import com.writerstree.platform.error.ApiException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a full name may hold (issue #8: the name is copied into system mail, "Hello URGENT: log in at http://...").
 * A name is at most {@link #MAX_LENGTH} characters of text on one line: no control, format (bidi overrides,
 * zero-width), private-use, unassigned or unpaired-surrogate characters, no line breaks; and nothing a mail
 * reader would follow: no {@code ://}, {@code www.}, {@code @}, angle brackets, or a domain shape (a dot right
 * between a letter or digit and two letters, e.g. {@code evil.com}; {@code "Jane A. Writer"} and
 * {@code "J.R.R. Tolkien"} are fine). Pure functions, tested without Quarkus.
 */
public final class FullNames {

    public static final int MAX_LENGTH = 100;

    private static final Pattern DOMAIN_SHAPE = Pattern.compile("[\\p{L}\\p{N}]\\.\\p{L}{2,}");

    private FullNames() {}

    /** The stored form: trimmed, blank = null; throws 400 VALIDATION_ERROR (field {@code field}) when refused. */
    public static String normalize(String field, String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.strip();
        if (name.isEmpty()) {
            return null;
        }
        String problem = problem(name);
        if (problem != null) {
            throw ApiException.validation(field, field + " " + problem);
        }
        return name;
    }

    /** The name as a mail may greet with it, or null for names stored before these rules that break them. */
    public static String forMail(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        return problem(stored.strip()) == null ? stored.strip() : null;
    }

    /** Why the (stripped, non-empty) name is refused, or null. */
    static String problem(String name) {
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        boolean refused = name.codePoints().anyMatch(cp -> switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        });
        if (refused) {
            return "may hold only printable characters on one line";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("://")
                || lower.contains("www.")
                || lower.contains("@")
                || lower.contains("<")
                || lower.contains(">")
                || DOMAIN_SHAPE.matcher(lower).find()) {
            return "may not contain web or email addresses";
        }
        return null;
    }
}
