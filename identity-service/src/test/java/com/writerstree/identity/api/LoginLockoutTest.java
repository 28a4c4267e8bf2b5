package com.writerstree.identity.api;

import static com.writerstree.identity.IdentityClient.PASSWORD;
import static com.writerstree.identity.IdentityClient.registerVerified;
import static com.writerstree.identity.IdentityClient.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.identity.config.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #8 item 8: failed sign-ins are counted per (account, client address), so an attacker's address cannot lock
 * the owner out from another one; a per-account ceiling (8 failures in the test profile) only paces addresses that
 * never signed in to the account. The client address is the one the gateway forwards in X-Forwarded-For.
 */
@QuarkusTest
class LoginLockoutTest {

    private static final String ATTACKER = "203.0.113.66";
    private static final String OWNER = "198.51.100.7";

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void anAttackersFailuresDoNotLockTheOwnerOutFromAnotherAddress() {
        String email = uniqueEmail();
        registerVerified(email);
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong" + PASSWORD, ATTACKER).then().statusCode(401);
        }
        // the attacker is stopped (even with the right password) ...
        Response locked = login(email, PASSWORD, ATTACKER);
        locked.then().statusCode(429).body("error.code", is("RATE_LIMIT_EXCEEDED"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
        // ... and the owner signs in from home
        login(email, PASSWORD, OWNER).then().statusCode(200);
        // the owner's success does not unlock the attacker's address
        login(email, PASSWORD, ATTACKER).then().statusCode(429);
    }

    @Test
    void guessesSpreadOverManyAddressesArePacedButTheOwnersKnownAddressIsNot() {
        String email = uniqueEmail();
        registerVerified(email);
        login(email, PASSWORD, OWNER).then().statusCode(200); // the owner's address is now known to the account

        // a botnet: one guess per address, never reaching an address's own threshold; past the ceiling (8 in the
        // test profile) the pause doubles from 1 s, so after 10 guesses unknown addresses wait 4 s
        for (int i = 1; i <= 10; i++) {
            Response guess = login(email, "Wrong" + PASSWORD, "203.0.113." + i);
            if (i > 8 && guess.statusCode() == 429) {
                // already paced (past the ceiling): the guesser waits as told (the clock moves), then guesses
                MovableClock.advance(Duration.ofSeconds(Long.parseLong(guess.header("Retry-After"))));
                guess = login(email, "Wrong" + PASSWORD, "203.0.113." + i);
            }
            guess.then().statusCode(401);
        }
        Response paced = login(email, PASSWORD, "203.0.113.200");
        paced.then().statusCode(429).body("error.code", is("RATE_LIMIT_EXCEEDED"));
        long retryAfter = Long.parseLong(paced.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 4, "a short pause, never a lock: " + retryAfter);

        login(email, PASSWORD, OWNER).then().statusCode(200);
    }

    private static Response login(String email, String password, String address) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .body(Map.of("email", email, "password", password))
                .post("/auth/login");
    }
}
