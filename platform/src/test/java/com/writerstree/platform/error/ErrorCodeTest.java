package com.writerstree.platform.error;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    /** Limits are configured per service ("5 projects", "1,000 words"): the shared defaults must not promise one. */
    @Test
    void noDefaultMessageNamesABusinessNumber() {
        for (ErrorCode code : ErrorCode.values()) {
            assertFalse(code.defaultMessage().matches(".*\\d.*"), code + ": " + code.defaultMessage());
        }
    }
}
