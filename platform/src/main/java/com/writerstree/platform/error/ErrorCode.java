package com.writerstree.platform.error;

/**
 * The suite's error codes (spec §7.2) with the HTTP status each one answers with by default. Codes the
 * spec does not name but the suite needs (payload size, rate limits, version conflicts) follow the same
 * style. A default message names no business number (a limit, a length, a goal): those are configured in the
 * service that owns the rule, which passes its own message with the number it applies.
 */
public enum ErrorCode {
    INVALID_CREDENTIALS(401, "Invalid email or password"),
    EMAIL_NOT_VERIFIED(403, "Please verify your email"),
    TOKEN_EXPIRED(401, "Session expired, please login again"),
    INVALID_TOKEN(401, "Invalid authentication token"),
    AUTHENTICATION_REQUIRED(401, "Authentication required"),
    ACCOUNT_DELETED(403, "This account is scheduled for deletion"),

    VALIDATION_ERROR(400, "Validation failed"),
    INVALID_EMAIL(400, "Invalid email format"),
    WEAK_PASSWORD(400, "Password is too weak"),

    NOT_FOUND(404, "Resource not found"),
    ALREADY_EXISTS(409, "Resource already exists"),
    FORBIDDEN(403, "You do not have permission"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    RATE_LIMIT_EXCEEDED(429, "Too many requests, please try again later."),

    WORD_GOAL_TOO_LOW(400, "Word goal is too low"),
    MAX_PROJECTS_REACHED(403, "Project limit reached"),
    VERSION_CONFLICT(409, "Your changes conflict with recent updates"),
    PROJECT_ARCHIVED(409, "Project is archived; restore it before editing"),

    INTERNAL_ERROR(500, "Something went wrong"),
    DATABASE_ERROR(500, "Database operation failed"),
    EXTERNAL_SERVICE_ERROR(503, "External service unavailable");

    private final int status;
    private final String defaultMessage;

    ErrorCode(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
