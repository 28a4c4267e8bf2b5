package com.writerstree.identity.api;

import static com.writerstree.identity.IdentityClient.PASSWORD;
import static com.writerstree.identity.IdentityClient.awaitSecondAfter;
import static com.writerstree.identity.IdentityClient.claims;
import static com.writerstree.identity.IdentityClient.login;
import static com.writerstree.identity.IdentityClient.mailedToken;
import static com.writerstree.identity.IdentityClient.me;
import static com.writerstree.identity.IdentityClient.post;
import static com.writerstree.identity.IdentityClient.register;
import static com.writerstree.identity.IdentityClient.registerVerified;
import static com.writerstree.identity.IdentityClient.session;
import static com.writerstree.identity.IdentityClient.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.identity.IdentityClient.Account;
import com.writerstree.identity.domain.auth.SessionRevocations;
import com.writerstree.identity.domain.token.TokenIssuer;
import com.writerstree.platform.security.RevocationKeys;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.LocalMailbox;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Password reset, session revocation (logout, reset), resending the verification mail, the per-account login
 * lockout and profile updates, against PostgreSQL, Redis, GreenMail and Kafka.
 */
@QuarkusTest
class AccountsFlowTest {

    private static final String NEW_PASSWORD = "NewSecurePass456!";
    /** identity.cookie.secure is true in tests (the default). */
    private static final String CLEARED_COOKIE = "auth_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure";

    @Inject
    RedisDataSource redis;

    @Inject
    TokenIssuer tokens;

    @Inject
    SessionRevocations revocations;

    @Test
    void aForgottenPasswordIsResetByMailAndEverySessionBeforeTheResetEnds() {
        String email = uniqueEmail();
        Account account = registerVerified(email);
        String before = session(email, PASSWORD);
        me(before).then().statusCode(200);

        post("/auth/forgot-password", Map.of("email", email))
                .then()
                .statusCode(200)
                .body("success", is(true))
                .body("message", is("Password reset email sent."));
        String mail = LocalMailbox.awaitMessage(email, 2, Duration.ofSeconds(20));
        assertTrue(mail.replace("=\r\n", "").replace("=3D", "=").contains("/reset-password?token="), "reset link");
        String resetToken = mailedToken(email, 2);

        post("/auth/reset-password", Map.of("token", resetToken, "newPassword", "weak"))
                .then()
                .statusCode(400)
                .body("error.code", is("WEAK_PASSWORD"))
                .body("error.details.field", is("newPassword"));
        // the session token must be older than the reset (iat has second precision)
        awaitSecondAfter(claims(before).getLong("iat"));
        post("/auth/reset-password", Map.of("token", resetToken, "newPassword", NEW_PASSWORD))
                .then()
                .statusCode(200)
                .body("success", is(true))
                .body("message", is("Password reset successfully."));
        post("/auth/reset-password", Map.of("token", resetToken, "newPassword", NEW_PASSWORD))
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.message", is("Invalid or expired token"))
                .body("error.details.field", is("token"));

        me(before).then().statusCode(401).body("error.code", is("INVALID_TOKEN"));
        login(email, PASSWORD).then().statusCode(401).body("error.code", is("INVALID_CREDENTIALS"));
        String after = session(email, NEW_PASSWORD);
        me(after).then().statusCode(200).body("data.id", is(account.userId()));
    }

    /**
     * The one-second window of a second-precision {@code iat}: a session signed in the same second as a user-wide
     * revocation, just before it, ends with it; a sign-in right after the revocation is valid (it waits for the next
     * second instead of being issued already revoked).
     */
    @Test
    void aSessionSignedInTheSameSecondAsARevocationEndsAndTheNextSignInWorks() {
        String email = uniqueEmail();
        Account account = registerVerified(email);
        UUID userId = UUID.fromString(account.userId());
        // start early in a second so that signing and revoking surely share it
        awaitSecondAfter(System.currentTimeMillis() / 1000);
        String sameSecond = tokens.issue(new TokenIssuer.Subject(userId, email, "free", true))
                .token();
        revocations.revokeAll(userId);
        long revokedBefore =
                Long.parseLong(redis.value(String.class).get(RevocationKeys.revokedBeforeKey(account.userId())));
        assertEquals(claims(sameSecond).getLong("iat") + 1, revokedBefore, "signed and revoked in the same second");
        me(sameSecond).then().statusCode(401).body("error.code", is("INVALID_TOKEN"));

        String after = session(email, PASSWORD);
        assertTrue(claims(after).getLong("iat") >= revokedBefore, "a sign-in after the revocation is not revoked");
        me(after).then().statusCode(200).body("data.email", is(email));
    }

    @Test
    void forgotPasswordAnswersAlikeForUnknownAddressesAndAnUnknownTokenIsRefused() {
        post("/auth/forgot-password", Map.of("email", uniqueEmail()))
                .then()
                .statusCode(200)
                .body("message", is("Password reset email sent."));
        post("/auth/forgot-password", Map.of("email", "not-an-address")).then().statusCode(200);
        post("/auth/reset-password", Map.of("token", "A".repeat(43), "newPassword", NEW_PASSWORD))
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.details.field", is("token"));
    }

    @Test
    void aResetMailAlsoVerifiesTheEmailAndOnlyTheNewestLinkWorks() {
        String email = uniqueEmail();
        register(email); // mail #1: verification, never used
        post("/auth/forgot-password", Map.of("email", email)).then().statusCode(200);
        String first = mailedToken(email, 2);
        post("/auth/forgot-password", Map.of("email", email)).then().statusCode(200);
        String second = mailedToken(email, 3);

        post("/auth/reset-password", Map.of("token", first, "newPassword", NEW_PASSWORD))
                .then()
                .statusCode(400)
                .body("error.details.field", is("token"));
        post("/auth/reset-password", Map.of("token", second, "newPassword", NEW_PASSWORD))
                .then()
                .statusCode(200);
        login(email, NEW_PASSWORD).then().statusCode(200).body("data.user.emailVerified", is(true));
    }

    @Test
    void loggingOutRevokesTheTokenUntilItExpiresAndClearsTheCookie() {
        String email = uniqueEmail();
        registerVerified(email);
        String bearer = session(email, PASSWORD);
        String cookie = session(email, PASSWORD);

        Response out = given().auth().oauth2(bearer).post("/auth/logout");
        out.then().statusCode(200).body("success", is(true)).body("message", is("Logged out successfully."));
        assertEquals(CLEARED_COOKIE, out.header("Set-Cookie"));
        me(bearer).then().statusCode(401).body("error.code", is("INVALID_TOKEN"));
        long ttl = redis.key().ttl("auth:revoked:" + claims(bearer).getString("jti"));
        assertTrue(ttl > 604_000 && ttl <= 604_800, "revoked until the token expires: " + ttl);

        // the other session is untouched until it logs out too (with the cookie this time)
        me(cookie).then().statusCode(200);
        given().cookie("auth_token", cookie).post("/auth/logout").then().statusCode(200);
        me(cookie).then().statusCode(401);

        // without a token, or with a bad one, logging out still answers 200 and clears the cookie
        given().post("/auth/logout").then().statusCode(200).header("Set-Cookie", is(CLEARED_COOKIE));
        given().header("Authorization", "Bearer not-a-jwt")
                .contentType(ContentType.JSON)
                .post("/auth/logout")
                .then()
                .statusCode(200)
                .body("message", is("Logged out successfully."));
    }

    @Test
    void aNewVerificationMailReplacesTheOldOneAtMostOncePerMinute() throws Exception {
        String email = uniqueEmail();
        register(email);
        String old = mailedToken(email, 1);

        post("/auth/resend-verification", Map.of("email", email.toUpperCase()))
                .then()
                .statusCode(200)
                .body("success", is(true));
        String fresh = mailedToken(email, 2);
        post("/auth/resend-verification", Map.of("email", email)).then().statusCode(200);
        post("/auth/resend-verification", Map.of("email", uniqueEmail())).then().statusCode(200);

        post("/auth/verify-email", Map.of("token", old)).then().statusCode(400);
        post("/auth/verify-email", Map.of("token", fresh)).then().statusCode(200);
        // the second resend within a minute sends nothing: still two mails after a while
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(20))
                .until(() -> LocalMailbox.messages(email).size() == 2);
    }

    @Test
    void fiveFailedLoginsLockTheAccountWithoutLookingAtThePasswordUntilAReset() {
        String email = uniqueEmail();
        registerVerified(email);
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong" + PASSWORD).then().statusCode(401).body("error.code", is("INVALID_CREDENTIALS"));
        }
        Response locked = login(email, PASSWORD);
        locked.then().statusCode(429).body("success", is(false)).body("error.code", is("RATE_LIMIT_EXCEEDED"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(retryAfter, locked.jsonPath().getLong("error.details.retryAfter"), 1);

        // an unknown address locks the same way: a lock reveals nothing about which emails exist
        String unknown = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            login(unknown, "Wrong" + PASSWORD).then().statusCode(401);
        }
        login(unknown, PASSWORD).then().statusCode(429).body("error.code", is("RATE_LIMIT_EXCEEDED"));

        // the writer is never locked out for good: a password reset lifts the lock
        post("/auth/forgot-password", Map.of("email", email)).then().statusCode(200);
        post("/auth/reset-password", Map.of("token", mailedToken(email, 2), "newPassword", NEW_PASSWORD))
                .then()
                .statusCode(200);
        login(email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void aProfileUpdateMergesPreferencesAndPublishesThem() {
        Account account = register(uniqueEmail());
        String token = account.registrationToken();
        try (LocalKafka.Watcher events = LocalKafka.watch(LocalKafka.TEST_PREFIX + "user-events")) {
            patch(
                            token,
                            Map.of(
                                    "fullName",
                                    "  Jane A. Writer ",
                                    "preferences",
                                    Map.of("darkMode", true, "fontSize", 20)))
                    .then()
                    .statusCode(200)
                    .body("success", is(true))
                    .body("message", is("Profile updated successfully."))
                    .body("data.id", is(account.userId()))
                    .body("data.fullName", is("Jane A. Writer"))
                    .body("data.preferences.darkMode", is(true))
                    .body("data.preferences.fontSize", is(20))
                    .body("data.preferences.timezone", is("UTC"));
            patch(token, Map.of("preferences", Map.of("darkMode", false, "timezone", "Europe/Berlin")))
                    .then()
                    .statusCode(200)
                    .body("data.preferences.darkMode", is(false))
                    .body("data.preferences.fontSize", is(20))
                    .body("data.preferences.timezone", is("Europe/Berlin"))
                    .body("data.fullName", is("Jane A. Writer"));
            List<String> seen = events.awaitMatch(
                    e -> e.contains("UserPreferencesChanged")
                            && e.contains(account.userId())
                            && e.contains("Europe/Berlin"),
                    Duration.ofSeconds(20));
            assertTrue(seen.stream().anyMatch(e -> e.contains("\"fontSize\":20")), seen.toString());
        }
        me(token)
                .then()
                .statusCode(200)
                .body("data.preferences.fontSize", is(20))
                .body("data.preferences.dyslexicFont", is(false))
                .body("data.preferences.timezone", is("Europe/Berlin"));

        patch(token, Map.of("fullName", "   ")).then().statusCode(200).body("data.fullName", nullValue());
        patch(token, Map.of("preferences", Map.of("colour", "red")))
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.details.field", is("preferences.colour"));
        patch(token, Map.of("preferences", Map.of("fontSize", "big")))
                .then()
                .statusCode(400)
                .body("error.details.field", is("preferences.fontSize"));
        patch(token, Map.of("preferences", Map.of("fontSize", 100)))
                .then()
                .statusCode(400)
                .body("error.details.field", is("preferences.fontSize"));
        patch(token, Map.of("fullName", "x".repeat(256)))
                .then()
                .statusCode(400)
                .body("error.details.field", is("fullName"));
        given().contentType(ContentType.JSON)
                .body(Map.of("fullName", "x"))
                .patch("/users/me")
                .then()
                .statusCode(401);
    }

    private static Response patch(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .patch("/users/me");
    }
}
