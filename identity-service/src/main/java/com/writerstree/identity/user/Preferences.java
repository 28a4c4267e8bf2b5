package com.writerstree.identity.user;

import java.util.LinkedHashMap;
import java.util.Map;

/** Editor preferences: the spec's defaults (§4.2), overridden by whatever the user stored. */
public final class Preferences {

    public static final Map<String, Object> DEFAULTS = defaults();

    private Preferences() {}

    public static Map<String, Object> withDefaults(Map<String, Object> stored) {
        Map<String, Object> merged = new LinkedHashMap<>(DEFAULTS);
        if (stored != null) {
            merged.putAll(stored);
        }
        return merged;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("darkMode", false);
        d.put("fontSize", 18);
        d.put("dyslexicFont", false);
        d.put("showKeyboard", true);
        d.put("wordSuggestions", true);
        return java.util.Collections.unmodifiableMap(d);
    }
}
