package com.writerstree.suggestion.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;

/**
 * {@code POST /suggestions} body (spec §4.7). {@code context}: the text before the cursor (only its last
 * characters are read); {@code limit}: 1-10, default 3; {@code projectId}: the project being written, whose
 * learned model is mixed in (optional).
 */
public record SuggestionRequest(
        @NotBlank(message = "is required") String context,

        @Min(value = 1, message = "must be between 1 and 10") @Max(value = 10, message = "must be between 1 and 10")
        Integer limit,

        UUID projectId) {

    public static final int DEFAULT_LIMIT = 3;

    public int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
