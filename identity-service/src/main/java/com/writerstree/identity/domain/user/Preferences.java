package com.writerstree.identity.domain.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.platform.error.ApiException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Editor preferences: the spec's defaults (§4.2) plus {@code timezone}, overridden by whatever the user stored.
 * A PATCH merges into the stored ones; only the known keys with their types are accepted. Pure functions,
 * tested without Quarkus.
 */
public final class Preferences {

    public static final String TIMEZONE = "timezone";
    /** Words a day that count towards a streak (stats-service); 0 means any words. */
    public static final String DAILY_WORD_GOAL = "dailyWordGoal";

    public static final int DAILY_WORD_GOAL_MAX = 100_000;
    public static final int FONT_SIZE_MIN = 8;
    public static final int FONT_SIZE_MAX = 48;
    public static final Map<String, Object> DEFAULTS = defaults();

    private Preferences() {}

    public static Map<String, Object> withDefaults(Map<String, Object> stored) {
        Map<String, Object> merged = new LinkedHashMap<>(DEFAULTS);
        if (stored != null) {
            merged.putAll(stored);
        }
        return merged;
    }

    /**
     * The stored preferences after applying {@code patch} (a JSON object): each given key replaces the stored
     * value, {@code null} resets the key to its default, keys not given stay. 400 VALIDATION_ERROR (field
     * {@code preferences.<key>}) for an unknown key or a value of the wrong type or range.
     */
    public static Map<String, Object> merge(Map<String, Object> stored, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.validation("preferences", "preferences must be an object");
        }
        Map<String, Object> merged = new LinkedHashMap<>(stored == null ? Map.of() : stored);
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (!DEFAULTS.containsKey(key)) {
                throw ApiException.validation(
                        "preferences." + key, "preferences." + key + " is not a known preference");
            }
            JsonNode value = field.getValue();
            if (value == null || value.isNull()) {
                merged.remove(key);
            } else {
                merged.put(key, valueOf(key, value));
            }
        }
        return merged;
    }

    private static Object valueOf(String key, JsonNode value) {
        String field = "preferences." + key;
        switch (key) {
            case "fontSize" -> {
                if (!value.isIntegralNumber()
                        || !value.canConvertToInt()
                        || value.intValue() < FONT_SIZE_MIN
                        || value.intValue() > FONT_SIZE_MAX) {
                    throw ApiException.validation(
                            field, field + " must be an integer from " + FONT_SIZE_MIN + " to " + FONT_SIZE_MAX);
                }
                return value.intValue();
            }
            case DAILY_WORD_GOAL -> {
                if (!value.isIntegralNumber()
                        || !value.canConvertToInt()
                        || value.intValue() < 0
                        || value.intValue() > DAILY_WORD_GOAL_MAX) {
                    throw ApiException.validation(
                            field, field + " must be an integer from 0 (any words) to " + DAILY_WORD_GOAL_MAX);
                }
                return value.intValue();
            }
            case TIMEZONE -> {
                if (!value.isTextual()) {
                    throw ApiException.validation(field, field + " must be a time zone id such as Europe/Berlin");
                }
                return zoneId(field, value.textValue());
            }
            default -> {
                if (!value.isBoolean()) {
                    throw ApiException.validation(field, field + " must be true or false");
                }
                return value.booleanValue();
            }
        }
    }

    /** An IANA region id (Europe/Berlin), UTC, or a fixed offset (+02:00), in its canonical form. */
    static String zoneId(String field, String text) {
        try {
            return ZoneId.of(text.strip()).getId();
        } catch (DateTimeException e) {
            throw ApiException.validation(field, field + " must be a time zone id such as Europe/Berlin");
        }
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("darkMode", false);
        d.put("fontSize", 18);
        d.put("dyslexicFont", false);
        d.put("showKeyboard", true);
        d.put("wordSuggestions", true);
        d.put(TIMEZONE, "UTC");
        d.put(DAILY_WORD_GOAL, 0);
        return Collections.unmodifiableMap(d);
    }
}
