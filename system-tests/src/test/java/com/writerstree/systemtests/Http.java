package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Assertions on responses whose failure messages show what the server actually answered. */
public final class Http {

    public static final String REQUEST_ID = "X-Request-Id";

    private Http() {}

    /** Status line, request id and (the start of) the body, for assertion messages. */
    public static String describe(Response r) {
        String body = r.asString();
        if (body != null && body.length() > 2000) {
            body = body.substring(0, 2000) + "...(" + body.length() + " chars)";
        }
        String hint = r.statusCode() == 429
                ? " [rate limited: the system-test stack must run the gateway with relaxed rate limits]"
                : "";
        return "HTTP " + r.statusCode() + hint + " X-Request-Id=" + r.header(REQUEST_ID) + " body=" + body;
    }

    public static void expectStatus(Response r, int status) {
        assertEquals(status, r.statusCode(), () -> "unexpected status: " + describe(r));
    }

    public static JsonPath json(Response r) {
        try {
            return r.jsonPath();
        } catch (RuntimeException e) {
            return fail("response body is not JSON: " + describe(r), e);
        }
    }

    /**
     * Asserts the spec §7.1 error envelope: the status, success false, one of {@code codes}, a message, an
     * ISO-8601 timestamp and a request id equal to the X-Request-Id response header. Returns the body.
     */
    public static JsonPath expectError(Response r, int status, String... codes) {
        expectStatus(r, status);
        JsonPath j = json(r);
        assertEquals(Boolean.FALSE, j.get("success"), () -> "success must be false: " + describe(r));
        List<String> allowed = Arrays.asList(codes);
        assertTrue(
                allowed.contains(j.getString("error.code")),
                () -> "error.code must be one of " + allowed + ": " + describe(r));
        String message = j.getString("error.message");
        assertNotNull(message, () -> "error.message missing: " + describe(r));
        assertFalse(message.isBlank(), () -> "error.message blank: " + describe(r));
        String timestamp = j.getString("error.timestamp");
        assertNotNull(timestamp, () -> "error.timestamp missing: " + describe(r));
        try {
            Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            fail("error.timestamp is not ISO-8601: " + describe(r));
        }
        String requestId = j.getString("error.requestId");
        assertNotNull(requestId, () -> "error.requestId missing: " + describe(r));
        assertFalse(requestId.isBlank(), () -> "error.requestId blank: " + describe(r));
        assertEquals(
                requestId,
                r.header(REQUEST_ID),
                () -> "X-Request-Id header must equal error.requestId: " + describe(r));
        return j;
    }

    /** Asserts 2xx-style success envelope with the given status. Returns the body. */
    public static JsonPath expectSuccess(Response r, int status) {
        expectStatus(r, status);
        JsonPath j = json(r);
        assertEquals(Boolean.TRUE, j.get("success"), () -> "success must be true: " + describe(r));
        return j;
    }
}
