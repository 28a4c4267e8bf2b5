package com.writerstree.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The spec's §7.1 error response: {@code {"success": false, "error": {...}}}. */
public record ErrorEnvelope(boolean success, Body error) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(String code, String message, Map<String, Object> details, Instant timestamp, String requestId) {}

    public static ErrorEnvelope of(String code, String message, Map<String, Object> details, String requestId) {
        return new ErrorEnvelope(
                false,
                new Body(
                        code,
                        message,
                        details == null ? Map.of() : details,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        requestId));
    }

    public static ErrorEnvelope of(ApiException e, String requestId) {
        return of(e.code().name(), e.getMessage(), e.details(), requestId);
    }
}
