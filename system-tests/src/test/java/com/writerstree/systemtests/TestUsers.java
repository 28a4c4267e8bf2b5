package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Fresh, random users: every test registers its own, so no test depends on another's data. */
public final class TestUsers {

    public static final String PASSWORD = "SecurePass123!";

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
        return Gateway.api().body(body).post("/auth/register");
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
        return Gateway.api().body(Map.of("email", email, "password", password)).post("/auth/login");
    }
}
