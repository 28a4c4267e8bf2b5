package com.writerstree.identity.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.platform.testing.LocalMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Registration, verification mail, verification, login and the profile against the real engines: PostgreSQL
 * (writerstree_test), GreenMail (SMTP 3025, REST API 8025) and Kafka (the outbox relay).
 */
@QuarkusTest
class AuthFlowTest {

    private static final String PASSWORD = "SecurePass123!";
    private static final Pattern MAILED_TOKEN = Pattern.compile("/verify-email\\?token=[A-Za-z0-9_-]{43}");

    @Test
    void aWriterRegistersVerifiesTheEmailSignsInAndReadsTheProfile() {
        String email = uniqueEmail();

        Response registered = register(
                Map.of("email", "  " + email.toUpperCase() + " ", "password", PASSWORD, "fullName", "Jane Writer"));
        registered
                .then()
                .statusCode(201)
                .body("success", is(true))
                .body("message", is("Account created. Please verify your email."))
                .body("data.email", is(email))
                .body("data.emailVerified", is(false))
                .body("data.user.email", is(email))
                .body("data.user.fullName", is("Jane Writer"))
                .body("data.user.emailVerified", is(false))
                .body("data.user.tier", is("free"))
                .header("Set-Cookie", containsString("Max-Age=86400"));
        String userId = registered.path("data.userId");
        assertEquals(userId, registered.path("data.user.id"));
        String sessionOfNewAccount = registered.path("data.token");
        assertEquals(86_400L, lifetimeSeconds(sessionOfNewAccount));

        // the short session of the new account already works; signing in again needs the verified email
        given().auth()
                .oauth2(sessionOfNewAccount)
                .get("/users/me")
                .then()
                .statusCode(200)
                .body("data.emailVerified", is(false));
        login(email, PASSWORD).then().statusCode(403).body("error.code", is("EMAIL_NOT_VERIFIED"));

        String verificationToken = awaitMailedToken(email);
        verifyEmail(verificationToken)
                .then()
                .statusCode(200)
                .body("success", is(true))
                .body("message", is("Email verified successfully."));
        verifyEmail(verificationToken)
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.message", is("Invalid or expired token"));

        Response loggedIn = login(email, PASSWORD);
        loggedIn.then()
                .statusCode(200)
                .body("success", is(true))
                .body("data.user.id", is(userId))
                .body("data.user.email", is(email))
                .body("data.user.fullName", is("Jane Writer"))
                .body("data.user.emailVerified", is(true))
                .body("data.user.tier", is("free"));
        String token = loggedIn.path("data.token");
        String cookie = loggedIn.header("Set-Cookie");
        assertTrue(cookie.startsWith("auth_token=" + token + ";"), cookie);
        List<String> attributes =
                List.of(cookie.substring(cookie.indexOf(';') + 1).strip().split(";\\s*"));
        assertTrue(attributes.contains("HttpOnly"), cookie);
        assertTrue(attributes.contains("SameSite=Strict"), cookie);
        assertTrue(attributes.contains("Max-Age=604800"), cookie);
        assertTrue(attributes.contains("Path=/"), cookie);

        JsonPath claims = jwtPart(token, 1);
        assertEquals(userId, claims.getString("sub"));
        assertEquals(userId, claims.getString("userId"));
        assertEquals(email, claims.getString("email"));
        assertEquals("free", claims.getString("tier"));
        assertTrue(claims.getBoolean("emailVerified"));
        assertEquals("https://writerstree.com", claims.getString("iss"));
        assertEquals(604_800L, lifetimeSeconds(token));
        assertNotEquals(jwtPart(sessionOfNewAccount, 1).getString("jti"), claims.getString("jti"));

        JsonPath header = jwtPart(token, 0);
        assertEquals("RS256", header.getString("alg"));
        given().get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .body("keys.kid", hasItem(header.getString("kid")))
                .body("keys.find { it.kid == '" + header.getString("kid") + "' }.kty", is("RSA"))
                .body("keys.find { it.kid == '" + header.getString("kid") + "' }.use", is("sig"));

        given().auth()
                .oauth2(token)
                .get("/users/me")
                .then()
                .statusCode(200)
                .body("success", is(true))
                .body("data.id", is(userId))
                .body("data.email", is(email))
                .body("data.fullName", is("Jane Writer"))
                .body("data.emailVerified", is(true))
                .body("data.tier", is("free"))
                .body("data.createdAt", notNullValue())
                .body("data.lastLogin", notNullValue())
                .body("data.preferences.darkMode", is(false))
                .body("data.preferences.fontSize", is(18))
                .body("data.preferences.dyslexicFont", is(false))
                .body("data.preferences.showKeyboard", is(true))
                .body("data.preferences.wordSuggestions", is(true));
        given().get("/users/me").then().statusCode(401).body("error.code", is("AUTHENTICATION_REQUIRED"));
    }

    @Test
    void anEmailHasOneAccountWhateverItsCase() {
        String email = uniqueEmail();
        register(Map.of("email", email, "password", PASSWORD))
                .then()
                .statusCode(201)
                .body("data.user.fullName", nullValue());

        register(Map.of("email", " " + email.toUpperCase(), "password", PASSWORD))
                .then()
                .statusCode(409)
                .body("success", is(false))
                .body("error.code", is("ALREADY_EXISTS"))
                .body("error.details.field", is("email"));
    }

    @Test
    void simultaneousRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        String email = uniqueEmail();
        Callable<Integer> attempt =
                () -> register(Map.of("email", email, "password", PASSWORD)).statusCode();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(List.of(attempt, attempt, attempt))) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void invalidRegistrationsAnswerInTheErrorEnvelope() {
        Response weak = register(Map.of("email", uniqueEmail(), "password", "weakpass"));
        weak.then()
                .statusCode(400)
                .body("success", is(false))
                .body("error.code", is("WEAK_PASSWORD"))
                .body("error.details.field", is("password"))
                .body("error.timestamp", notNullValue())
                .body("error.requestId", equalTo(weak.header("X-Request-Id")));

        register(Map.of("email", "invalid-email", "password", PASSWORD))
                .then()
                .statusCode(400)
                .body("error.code", is("INVALID_EMAIL"))
                .body("error.details.field", is("email"));
        register(Map.of("password", PASSWORD))
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.details.field", is("email"));
        register(Map.of("email", uniqueEmail(), "password", PASSWORD, "fullName", "x".repeat(256)))
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.details.field", is("fullName"));
    }

    @Test
    void anUnknownEmailAndAWrongPasswordAreIndistinguishable() {
        String email = uniqueEmail();
        register(Map.of("email", email, "password", PASSWORD)).then().statusCode(201);

        Response unknown = login(uniqueEmail(), PASSWORD);
        Response wrong = login(email, "Wrong" + PASSWORD);

        assertEquals(401, unknown.statusCode());
        assertEquals(401, wrong.statusCode());
        Map<String, Object> unknownBody = withoutVaryingFields(unknown);
        assertEquals(unknownBody, withoutVaryingFields(wrong));
        assertEquals("INVALID_CREDENTIALS", ((Map<?, ?>) unknownBody.get("error")).get("code"));
    }

    @Test
    void anUnknownVerificationTokenIsRefused() {
        verifyEmail("A".repeat(43))
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.message", is("Invalid or expired token"));
    }

    private static Response register(Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post("/auth/register");
    }

    private static Response login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/auth/login");
    }

    private static Response verifyEmail(String token) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/auth/verify-email");
    }

    private static String uniqueEmail() {
        return "writer-" + UUID.randomUUID() + "@example.com";
    }

    /** The token in the verification link of the mail GreenMail received for this address. */
    private static String awaitMailedToken(String email) {
        String mime = LocalMailbox.awaitMessage(email, 1, Duration.ofSeconds(15));
        String token = LocalMailbox.linkParameter(mime, "token").orElse(null);
        assertTrue(
                token != null
                        && MAILED_TOKEN.matcher("/verify-email?token=" + token).matches(),
                "no verification link in the mail");
        return token;
    }

    private static JsonPath jwtPart(String jwt, int index) {
        return JsonPath.from(
                new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    private static long lifetimeSeconds(String jwt) {
        JsonPath claims = jwtPart(jwt, 1);
        return claims.getLong("exp") - claims.getLong("iat");
    }

    private static Map<String, Object> withoutVaryingFields(Response response) {
        Map<String, Object> body = new HashMap<>(response.jsonPath().getMap("$"));
        Map<String, Object> error = new HashMap<>(response.jsonPath().getMap("error"));
        error.remove("timestamp");
        error.remove("requestId");
        body.put("error", error);
        return body;
    }
}
