package com.writerstree.identity.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The daily word target that stats-service's streaks count against (0 = any words). */
class DailyWordGoalPreferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void defaultsToAnyWordsAndAcceptsAWholeNumber() throws Exception {
        assertEquals(0, Preferences.withDefaults(Map.of()).get(Preferences.DAILY_WORD_GOAL));
        Map<String, Object> merged = Preferences.merge(Map.of(), JSON.readTree("{\"dailyWordGoal\":1667}"));
        assertEquals(1667, Preferences.withDefaults(merged).get(Preferences.DAILY_WORD_GOAL));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"dailyWordGoal\":-1}",
                "{\"dailyWordGoal\":100001}",
                "{\"dailyWordGoal\":2.5}",
                "{\"dailyWordGoal\":\"500\"}"
            })
    void refusesNegativeHugeFractionalOrTextualTargets(String patch) {
        ApiException e = assertThrows(ApiException.class, () -> Preferences.merge(Map.of(), JSON.readTree(patch)));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals("preferences.dailyWordGoal", e.details().get("field"));
    }
}
