package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Fresh, random users: every test registers its own, so no test depends on another's data. */
public final class TestUsers {

    public static final String PASSWORD = "SecurePass123!";

    /** The client IP of each test user (by email), so that each one is its own bucket of the gateway's auth limit. */
    private static final Map<String, String> CLIENT_IPS = new ConcurrentHashMap<>();

    private TestUsers() {}

    /** A registered (not yet verified) user and the session token that registration returned. */
    public record TestUser(String email, String password, String userId, String token) {}

    public static String newEmail() {
        return "it-" + UUID.randomUUID() + "@example.com";
    }

    /** POST /api/v1/auth/register with whatever is given (null fields are left out). */
    public static Response registerRaw(String email, String password, String fullName) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (email != null) {
            body.put("email", email);
        }
        if (password != null) {
            body.put("password", password);
        }
        if (fullName != null) {
            body.put("fullName", fullName);
        }
        return Gateway.apiFrom(clientIp(email)).body(body).post("/auth/register");
    }

    /** Registers a fresh user (asserts 201) and returns it with its token and id. */
    public static TestUser register() {
        return register(newEmail());
    }

    public static TestUser register(String email) {
        Response r = registerRaw(email, PASSWORD, "Integration Tester");
        JsonPath j = Http.expectSuccess(r, 201);
        String userId = j.getString("data.userId");
        String token = j.getString("data.token");
        assertNotNull(userId, () -> "register: data.userId missing: " + Http.describe(r));
        assertNotNull(token, () -> "register: data.token missing: " + Http.describe(r));
        assertEquals(email, j.getString("data.email"), () -> "register: data.email: " + Http.describe(r));
        return new TestUser(email, PASSWORD, userId, token);
    }

    /** POST /api/v1/auth/login. */
    public static Response login(String email, String password) {
        return Gateway.apiFrom(clientIp(email))
                .body(Map.of("email", email, "password", password))
                .post("/auth/login");
    }

    /** The (random, stable) client IP the test user with {@code email} sends its auth calls from. */
    public static String clientIp(String email) {
        return email == null
                ? Gateway.randomClientIp()
                : CLIENT_IPS.computeIfAbsent(email, e -> Gateway.randomClientIp());
    }
}
