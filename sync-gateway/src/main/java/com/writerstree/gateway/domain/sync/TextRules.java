package com.writerstree.gateway.domain.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a writer's text may hold on the sync path (issue #8 items 4/5): no NUL (PostgreSQL refuses it) and no
 * unpaired UTF-16 surrogate (it cannot be stored as UTF-8 without being altered). Such a text is refused with a
 * {@code VALIDATION_ERROR} rather than stored differently from what would be acknowledged. Pure.
 */
public final class TextRules {

    private TextRules() {}

    /** Null when the text may be stored; else why not (no text quoted). */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "The text contains a NUL character (at " + i + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "The text contains an unpaired surrogate (at " + i + "): not valid Unicode";
            }
            if (Character.isLowSurrogate(c)) {
                return "The text contains an unpaired surrogate (at " + i + "): not valid Unicode";
            }
        }
        return null;
    }

    /** The same rule over the {@code text} of every operation of a patch. */
    public static String problemInPatch(JsonNode patch) {
        for (JsonNode op : patch) {
            JsonNode text = op.get("text");
            if (text != null && text.isTextual()) {
                String problem = problem(text.asText());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }
}
