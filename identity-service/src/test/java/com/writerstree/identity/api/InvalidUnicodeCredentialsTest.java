package com.writerstree.identity.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 5: passwords used to "collapse" — an unpaired surrogate was stored as '?', so the account of
 * {@code Ab1defgh\ud800} also opened with {@code Ab1defgh?}. Invalid Unicode is now refused where every service
 * reads its bodies (platform {@code StrictInput}), so such a password can be neither set nor tried, and a NUL in
 * the e-mail at login is a 400, not a 500.
 */
@QuarkusTest
class InvalidUnicodeCredentialsTest {

    @Test
    void aPasswordWithAnUnpairedSurrogateIsRefusedAndCannotCollapseIntoAnother() {
        String email = "writer-" + UUID.randomUUID() + "@example.com";
        post("/auth/register", "{\"email\": \"" + email + "\", \"password\": \"Ab1defgh\\ud800\"}")
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"));
        // the '?' the old decoding made of it is an ordinary password of another account
        post("/auth/register", "{\"email\": \"" + email + "\", \"password\": \"Ab1defgh?Zq\"}")
                .statusCode(201);
        post("/auth/login", "{\"email\": \"" + email + "\", \"password\": \"Ab1defgh?Zq\\udc00\"}")
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"));
        post("/auth/login", "{\"email\": \"" + email + "\\u0000\", \"password\": \"Ab1defgh?Zq\"}")
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"));
        post("/auth/login", "{\"email\": \"" + email + "\", \"password\": \"x\", \"password\": \"Ab1defgh?Zq\"}")
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"));
    }

    private static io.restassured.response.ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON)
                .body(json)
                .when()
                .post(path)
                .then();
    }
}
