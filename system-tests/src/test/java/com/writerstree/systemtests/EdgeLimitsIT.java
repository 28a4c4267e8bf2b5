package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.expectError;
import static com.writerstree.systemtests.Http.expectStatus;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's edge limits (spec §6.1) and its revocation check, through the real stack. */
class EdgeLimitsIT {

    @Test
    void sixthLoginAttemptFromOneAddressWithinTheWindowIsRateLimited() {
        String ip = Gateway.randomClientIp();
        Map<String, String> body = Map.of("email", TestUsers.newEmail(), "password", "WrongPass123!");
        for (int i = 1; i <= 5; i++) {
            Response attempt = Gateway.apiFrom(ip).body(body).post("/auth/login");
            assertNotEquals(429, attempt.statusCode(), () -> "attempt within the limit: " + Http.describe(attempt));
        }
        Response sixth = Gateway.apiFrom(ip).body(body).post("/auth/login");
        expectError(sixth, 429, "RATE_LIMIT_EXCEEDED");
        String retryAfter = sixth.header("Retry-After");
        assertNotNull(retryAfter, () -> "Retry-After missing: " + Http.describe(sixth));
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 0 && seconds <= 15 * 60, () -> "Retry-After out of range: " + retryAfter);
        // another client is not affected by this address's limit (another account: this one is now also locked
        // by identity's per-account lockout, whichever address asks)
        Map<String, String> otherAccount = Map.of("email", TestUsers.newEmail(), "password", "WrongPass123!");
        Response other =
                Gateway.apiFrom(Gateway.randomClientIp()).body(otherAccount).post("/auth/login");
        assertNotEquals(429, other.statusCode(), () -> Http.describe(other));
    }

    @Test
    void loggedOutTokenIsRejectedAtTheGatewayOnAnotherServicesRoute() {
        TestUsers.TestUser user = TestUsers.register();
        expectStatus(Gateway.api(user.token()).get("/projects"), 200);
        Response logout = Gateway.api(user.token()).body("{}").post("/auth/logout");
        expectStatus(logout, 200);
        Response after = Gateway.api(user.token()).get("/projects");
        expectError(after, 401, "INVALID_TOKEN");
        // the cookie path is checked the same way
        Response cookie = Gateway.apiFrom(Gateway.randomClientIp())
                .cookie("auth_token", user.token())
                .get("/projects");
        expectError(cookie, 401, "INVALID_TOKEN");
    }
}
