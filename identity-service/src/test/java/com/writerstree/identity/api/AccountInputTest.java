package com.writerstree.identity.api;

import static com.writerstree.identity.IdentityClient.PASSWORD;
import static com.writerstree.identity.IdentityClient.post;
import static com.writerstree.identity.IdentityClient.register;
import static com.writerstree.identity.IdentityClient.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.identity.IdentityClient.Account;
import com.writerstree.platform.testing.LocalMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #8 item 9 against GreenMail: a phishing line cannot be planted in the name that system mails greet with,
 * and common passwords are refused at registration and at reset.
 */
@QuarkusTest
class AccountInputTest {

    private static final String PHISHING = "URGENT: your account is locked, log in at http://evil.example/login";

    @Test
    void aRegistrationWithALinkInTheNameIsRefusedAndMailsNothing() {
        String email = uniqueEmail();
        post("/auth/register", Map.of("email", email, "password", PASSWORD, "fullName", PHISHING))
                .then()
                .statusCode(400)
                .body("success", is(false))
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.details.field", is("fullName"));
        post("/auth/register", Map.of("email", email, "password", PASSWORD, "fullName", "Jane\r\nURGENT"))
                .then()
                .statusCode(400)
                .body("error.details.field", is("fullName"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(20))
                .until(() -> LocalMailbox.messages(email).isEmpty());
    }

    @Test
    void aRenameCannotPlantALinkForTheNextMail() {
        String email = uniqueEmail();
        Account account = register(email);
        given().auth()
                .oauth2(account.registrationToken())
                .contentType(ContentType.JSON)
                .body(Map.of("fullName", PHISHING))
                .patch("/users/me")
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.details.field", is("fullName"));

        post("/auth/forgot-password", Map.of("email", email)).then().statusCode(200);
        String mail = LocalMailbox.awaitMessage(email, 2, Duration.ofSeconds(20));
        assertTrue(mail.contains("Hello Jane Writer,"), "the mail greets with the stored name");
        assertFalse(mail.contains("evil.example"));
    }

    @Test
    void aCommonPasswordIsRefusedWithAClearMessage() {
        post("/auth/register", Map.of("email", uniqueEmail(), "password", "Password1"))
                .then()
                .statusCode(400)
                .body("success", is(false))
                .body("error.code", is("VALIDATION_ERROR"))
                .body("error.message", containsString("most common passwords"))
                .body("error.details.field", is("password"))
                .body("error.details.reason", is("commonPassword"));
    }
}
