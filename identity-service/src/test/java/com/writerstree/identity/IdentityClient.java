package com.writerstree.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.platform.testing.LocalMailbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** The calls identity's Quarkus tests share: accounts, mailed tokens, sessions. */
public final class IdentityClient {

    public static final String PASSWORD = "SecurePass123!";

    private IdentityClient() {}

    public record Account(String email, String userId, String registrationToken) {}

    public static String uniqueEmail() {
        return "writer-" + UUID.randomUUID() + "@example.com";
    }

    public static Response post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path);
    }

    /** Registers (201) with {@link #PASSWORD}; mail #1 of the address is the verification mail. */
    public static Account register(String email) {
        Response r = post("/auth/register", Map.of("email", email, "password", PASSWORD, "fullName", "Jane Writer"));
        r.then().statusCode(201);
        return new Account(email, r.path("data.userId"), r.path("data.token"));
    }

    /** Registers and verifies the email with the mailed link (mail #1). */
    public static Account registerVerified(String email) {
        Account account = register(email);
        post("/auth/verify-email", Map.of("token", mailedToken(email, 1)))
                .then()
                .statusCode(200);
        return account;
    }

    public static Response login(String email, String password) {
        return post("/auth/login", Map.of("email", email, "password", password));
    }

    /** Signs in (200) and returns the session token. */
    public static String session(String email, String password) {
        Response r = login(email, password);
        assertEquals(200, r.statusCode(), r.asString());
        return r.path("data.token");
    }

    /** The {@code token} link parameter of mail #n (1-based) the address received. */
    public static String mailedToken(String email, int n) {
        String mime = LocalMailbox.awaitMessage(email, n, Duration.ofSeconds(20));
        return LocalMailbox.linkParameter(mime, "token").orElseThrow(() -> new AssertionError("no link in mail #" + n));
    }

    public static Response me(String token) {
        return given().auth().oauth2(token).get("/users/me");
    }

    public static JsonPath claims(String jwt) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    public static JsonPath header(String jwt) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    /** Waits until the wall clock is in a later second than {@code epochSecond} (iat has second precision). */
    public static void awaitSecondAfter(long epochSecond) {
        while (System.currentTimeMillis() / 1000 <= epochSecond) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
