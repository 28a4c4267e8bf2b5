package com.writerstree.platform.error;

import java.util.Map;

/** A failure a client is told about, in the §7.1 envelope. Business code throws this, never a raw status. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final int status;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code) {
        this(code, code.defaultMessage(), Map.of());
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        this(code, code.status(), message, details);
    }

    public ApiException(ErrorCode code, int status, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.details = details == null ? Map.of() : details;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN);
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, message, Map.of("field", field));
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }
}
