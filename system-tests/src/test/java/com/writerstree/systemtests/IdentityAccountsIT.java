package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.describe;
import static com.writerstree.systemtests.Http.expectError;
import static com.writerstree.systemtests.Http.expectSuccess;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Account management through the gateway: password reset by mail (GreenMail), profile updates that merge
 * preferences, and logout that really ends the session.
 */
class IdentityAccountsIT {

    private static final String NEW_PASSWORD = "BrandNewPass456!";
    private static final Pattern RESET_LINK = Pattern.compile("/reset-password\\?token=([A-Za-z0-9._~%\\-]+)");

    @Test
    @DisplayName("forgot password -> reset mail -> reset: old password 401, new 200, sessions from before revoked")
    void passwordResetByMail() {
        TestUsers.TestUser user = verifiedUser();
        String before = loginToken(user.email(), user.password());
        expectSuccess(Gateway.api(before).get("/users/me"), 200);

        Response forgot = Gateway.api().body(Map.of("email", user.email())).post("/auth/forgot-password");
        JsonPath f = expectSuccess(forgot, 200);
        assertEquals("Password reset email sent.", f.getString("message"), () -> describe(forgot));
        // an unknown address gets the very same answer
        JsonPath unknown = expectSuccess(
                Gateway.api().body(Map.of("email", TestUsers.newEmail())).post("/auth/forgot-password"), 200);
        assertEquals("Password reset email sent.", unknown.getString("message"));

        String resetToken = awaitResetToken(user.email());
        awaitSecondAfter(claim(before, "iat")); // iat has second precision: the old session must predate the reset
        expectError(
                Gateway.api()
                        .body(Map.of("token", resetToken, "newPassword", "weak"))
                        .post("/auth/reset-password"),
                400,
                "WEAK_PASSWORD");
        Response reset = Gateway.api()
                .body(Map.of("token", resetToken, "newPassword", NEW_PASSWORD))
                .post("/auth/reset-password");
        assertEquals("Password reset successfully.", expectSuccess(reset, 200).getString("message"));
        JsonPath again = expectError(
                Gateway.api()
                        .body(Map.of("token", resetToken, "newPassword", NEW_PASSWORD))
                        .post("/auth/reset-password"),
                400,
                "VALIDATION_ERROR");
        assertEquals("Invalid or expired token", again.getString("error.message"));

        expectError(TestUsers.login(user.email(), user.password()), 401, "INVALID_CREDENTIALS");
        String after = loginToken(user.email(), NEW_PASSWORD);
        expectError(Gateway.api(before).get("/users/me"), 401, "INVALID_TOKEN");
        JsonPath me = expectSuccess(Gateway.api(after).get("/users/me"), 200);
        assertEquals(user.userId(), me.getString("data.id"));
    }

    @Test
    @DisplayName("PATCH /users/me merges preferences into the stored ones and renames")
    void profileUpdateMergesPreferences() {
        TestUsers.TestUser user = TestUsers.register();

        Response first = Gateway.api(user.token())
                .body(Map.of("fullName", "Jane A. Writer", "preferences", Map.of("darkMode", true, "fontSize", 20)))
                .patch("/users/me");
        JsonPath p1 = expectSuccess(first, 200);
        assertEquals("Profile updated successfully.", p1.getString("message"), () -> describe(first));
        assertEquals("Jane A. Writer", p1.getString("data.fullName"));
        assertEquals(Boolean.TRUE, p1.get("data.preferences.darkMode"));
        assertEquals(20, p1.getInt("data.preferences.fontSize"));

        Response second = Gateway.api(user.token())
                .body(Map.of("preferences", Map.of("darkMode", false)))
                .patch("/users/me");
        JsonPath p2 = expectSuccess(second, 200);
        assertEquals(Boolean.FALSE, p2.get("data.preferences.darkMode"), () -> describe(second));
        assertEquals(20, p2.getInt("data.preferences.fontSize"), () -> "fontSize kept: " + describe(second));

        JsonPath me = expectSuccess(Gateway.api(user.token()).get("/users/me"), 200);
        assertEquals(20, me.getInt("data.preferences.fontSize"));
        assertEquals("Jane A. Writer", me.getString("data.fullName"));
        assertEquals("UTC", me.getString("data.preferences.timezone"));
        assertEquals(Boolean.TRUE, me.get("data.preferences.showKeyboard"));

        JsonPath bad = expectError(
                Gateway.api(user.token())
                        .body(Map.of("preferences", Map.of("colour", "red")))
                        .patch("/users/me"),
                400,
                "VALIDATION_ERROR");
        assertEquals("preferences.colour", bad.getString("error.details.field"));
    }

    @Test
    @DisplayName("logout -> the same token is refused at GET /users/me; the cookie is cleared")
    void logoutEndsTheSession() {
        TestUsers.TestUser user = verifiedUser();
        String token = loginToken(user.email(), user.password());
        expectSuccess(Gateway.api(token).get("/users/me"), 200);

        Response out = Gateway.api(token).post("/auth/logout");
        JsonPath o = expectSuccess(out, 200);
        assertEquals("Logged out successfully.", o.getString("message"), () -> describe(out));
        String cookie = out.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("auth_token="))
                .findFirst()
                .orElse(null);
        assertNotNull(cookie, () -> "logout clears the cookie: " + out.headers());
        assertTrue(cookie.startsWith("auth_token=;") && cookie.contains("Max-Age=0"), cookie);

        expectError(Gateway.api(token).get("/users/me"), 401, "INVALID_TOKEN", "TOKEN_EXPIRED");
        // logging out again (or without any token) is still fine
        expectSuccess(Gateway.api().post("/auth/logout"), 200);
    }

    // ---------------------------------------------------------------- helpers

    /** A registered user whose email is verified (with the mailed link), so that it can log in. */
    private static TestUsers.TestUser verifiedUser() {
        TestUsers.TestUser user = TestUsers.register();
        String token = Mailbox.awaitVerificationToken(user.email(), Duration.ofSeconds(30));
        expectSuccess(Gateway.api().body(Map.of("token", token)).post("/auth/verify-email"), 200);
        return user;
    }

    private static String loginToken(String email, String password) {
        Response r = TestUsers.login(email, password);
        String token = expectSuccess(r, 200).getString("data.token");
        assertNotNull(token, () -> describe(r));
        return token;
    }

    private static String awaitResetToken(String email) {
        return await("reset mail for " + email)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> resetToken(Mailbox.messages(email)), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> resetToken(List<Mailbox.Mail> mails) {
        for (Mailbox.Mail mail : mails) {
            Matcher m = RESET_LINK.matcher(mail.text());
            if (m.find()) {
                return Optional.of(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static long claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getLong(name);
    }

    private static void awaitSecondAfter(long epochSecond) {
        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> System.currentTimeMillis() / 1000 > epochSecond);
    }
}
