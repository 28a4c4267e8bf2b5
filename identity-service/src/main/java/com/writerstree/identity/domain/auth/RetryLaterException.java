package com.writerstree.identity.domain.auth;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import java.util.Map;

/** 429 RATE_LIMIT_EXCEEDED with the seconds to wait: in {@code details.retryAfter} and the Retry-After header. */
public class RetryLaterException extends ApiException {

    private final long retryAfterSeconds;

    public RetryLaterException(String message, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMIT_EXCEEDED, message, Map.of("retryAfter", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
