package com.writerstree.identity.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aPatchMergesIntoTheStoredPreferences() throws Exception {
        Map<String, Object> stored = Map.of("fontSize", 20, "dyslexicFont", true);
        Map<String, Object> merged = Preferences.merge(stored, json("{\"darkMode\":true,\"fontSize\":22}"));
        assertEquals(Map.of("fontSize", 22, "dyslexicFont", true, "darkMode", true), merged);
    }

    @Test
    void nullResetsAKeyToItsDefault() throws Exception {
        Map<String, Object> merged = Preferences.merge(Map.of("fontSize", 20), json("{\"fontSize\":null}"));
        assertEquals(Map.of(), merged);
        assertEquals(18, Preferences.withDefaults(merged).get("fontSize"));
    }

    @Test
    void timezoneDefaultsToUtcAndAcceptsRegionIdsAndOffsets() throws Exception {
        assertEquals("UTC", Preferences.withDefaults(Map.of()).get("timezone"));
        assertEquals(
                "Europe/Berlin",
                Preferences.merge(Map.of(), json("{\"timezone\":\"Europe/Berlin\"}"))
                        .get("timezone"));
        assertEquals(
                "+02:00",
                Preferences.merge(Map.of(), json("{\"timezone\":\"+02:00\"}")).get("timezone"));
    }

    @Test
    void anUnknownKeyIsRefusedNamingIt() throws Exception {
        ApiException e =
                assertThrows(ApiException.class, () -> Preferences.merge(Map.of(), json("{\"colour\":\"red\"}")));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals("preferences.colour", e.details().get("field"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"darkMode\":\"yes\"}",
                "{\"darkMode\":1}",
                "{\"fontSize\":7}",
                "{\"fontSize\":49}",
                "{\"fontSize\":18.5}",
                "{\"fontSize\":\"18\"}",
                "{\"timezone\":\"Mars/Olympus\"}",
                "{\"timezone\":3}",
                "{\"showKeyboard\":null, \"wordSuggestions\":\"true\"}"
            })
    void wrongTypesAndRangesAreRefused(String patch) throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> Preferences.merge(Map.of(), json(patch)));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals(400, e.status());
    }

    @Test
    void preferencesMustBeAnObject() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> Preferences.merge(Map.of(), json("[1]")));
        assertEquals("preferences", e.details().get("field"));
    }
}
