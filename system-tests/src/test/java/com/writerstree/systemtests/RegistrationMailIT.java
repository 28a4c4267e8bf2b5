package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.describe;
import static com.writerstree.systemtests.Http.expectError;
import static com.writerstree.systemtests.Http.expectSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sign-up as a person does it: register, receive the verification mail (over real SMTP, read back from
 * GreenMail), cannot log in before verifying, verify, log in, and use the session cookie alone.
 */
class RegistrationMailIT {

    private static final Pattern AUTH_COOKIE = Pattern.compile("auth_token=([^;]*)");

    @Test
    @DisplayName("register -> verification mail -> 403 before verifying -> verify -> login cookie authenticates")
    void signUpWithEmailVerification() {
        String email = TestUsers.newEmail();

        Response registered = TestUsers.registerRaw(email, TestUsers.PASSWORD, "Jane Writer");
        JsonPath reg = expectSuccess(registered, 201);
        assertEquals(email, reg.getString("data.email"), () -> describe(registered));
        assertEquals(Boolean.FALSE, reg.get("data.emailVerified"), () -> describe(registered));
        String userId = reg.getString("data.userId");
        assertNotNull(userId, () -> describe(registered));
        assertEquals(userId, reg.getString("data.user.id"), () -> describe(registered));
        assertEquals(email, reg.getString("data.user.email"), () -> describe(registered));
        assertEquals("Jane Writer", reg.getString("data.user.fullName"), () -> describe(registered));
        assertEquals(Boolean.FALSE, reg.get("data.user.emailVerified"), () -> describe(registered));
        assertEquals("free", reg.getString("data.user.tier"), () -> describe(registered));
        assertNotNull(reg.getString("data.token"), () -> describe(registered));
        assertTrue(authCookie(registered).isPresent(), () -> "register sets auth_token: " + describe(registered));

        String token = Mailbox.awaitVerificationToken(email, Duration.ofSeconds(30));

        expectError(TestUsers.login(email, TestUsers.PASSWORD), 403, "EMAIL_NOT_VERIFIED");
        expectError(
                Gateway.api().body(Map.of("token", "not-a-real-token")).post("/auth/verify-email"),
                400,
                "VALIDATION_ERROR",
                "INVALID_TOKEN");

        Response verified = Gateway.api().body(Map.of("token", token)).post("/auth/verify-email");
        expectSuccess(verified, 200);

        Response login = TestUsers.login(email, TestUsers.PASSWORD);
        JsonPath in = expectSuccess(login, 200);
        assertEquals(userId, in.getString("data.user.id"), () -> describe(login));
        assertEquals(Boolean.TRUE, in.get("data.user.emailVerified"), () -> describe(login));
        String setCookie = authCookieHeader(login).orElse(null);
        assertNotNull(setCookie, () -> "login must set auth_token: " + login.headers());
        String lower = setCookie.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("httponly"), "auth_token is HttpOnly: " + redact(setCookie));
        assertTrue(lower.contains("samesite=strict"), "auth_token is SameSite=Strict: " + redact(setCookie));
        String cookieToken = authCookie(login).orElseThrow();
        assertFalse(cookieToken.isBlank(), "auth_token has a value");

        // the cookie alone (no Authorization header) is a session
        Response projects = io.restassured.RestAssured.given()
                .baseUri(Stack.gatewayUrl())
                .basePath(Gateway.API)
                .accept(ContentType.JSON)
                .header("Cookie", "auth_token=" + cookieToken)
                .get("/projects");
        JsonPath p = expectSuccess(projects, 200);
        assertEquals(0, p.getInt("data.total"), () -> describe(projects));
    }

    private static Optional<String> authCookieHeader(Response r) {
        List<String> cookies = r.headers().getValues("Set-Cookie");
        return cookies.stream().filter(c -> c.trim().startsWith("auth_token=")).findFirst();
    }

    private static Optional<String> authCookie(Response r) {
        return authCookieHeader(r)
                .map(AUTH_COOKIE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1));
    }

    /** A Set-Cookie header without its token, for assertion messages. */
    private static String redact(String setCookie) {
        return AUTH_COOKIE.matcher(setCookie).replaceFirst("auth_token=<redacted>");
    }
}
