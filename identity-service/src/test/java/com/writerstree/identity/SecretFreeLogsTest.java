package com.writerstree.identity;

import static com.writerstree.identity.IdentityClient.PASSWORD;
import static com.writerstree.identity.IdentityClient.mailedToken;
import static com.writerstree.identity.IdentityClient.post;
import static com.writerstree.identity.IdentityClient.register;
import static com.writerstree.identity.IdentityClient.session;
import static com.writerstree.identity.IdentityClient.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.identity.IdentityClient.Account;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.platform.testing.LocalMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Captures everything the service logs during a whole account's life (register, mail, verify, login, PATCH,
 * forgot, reset, logout) and checks that no password, password hash, token or mail body is in it.
 */
@QuarkusTest
class SecretFreeLogsTest {

    private static final String NEW_PASSWORD = "LogCheckPass789!";

    @Inject
    UserRepository users;

    @Test
    void noSecretReachesTheLog() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                StringBuilder line = new StringBuilder(record.getLoggerName() + " " + message);
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append(' ').append(trace);
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        Map<String, String> secrets = new LinkedHashMap<>();
        String userId;
        try {
            String email = uniqueEmail();
            Account account = register(email);
            userId = account.userId();
            secrets.put("password", PASSWORD);
            secrets.put("registration token", account.registrationToken());
            String verification = mailedToken(email, 1);
            secrets.put("verification token", verification);
            post("/auth/verify-email", Map.of("token", verification)).then().statusCode(200);
            String session = session(email, PASSWORD);
            secrets.put("session token", session);
            given().auth()
                    .oauth2(session)
                    .contentType(ContentType.JSON)
                    .body(Map.of("fullName", "Logged Writer", "preferences", Map.of("fontSize", 21)))
                    .patch("/users/me")
                    .then()
                    .statusCode(200);
            post("/auth/login", Map.of("email", email, "password", "Wrong" + PASSWORD))
                    .then()
                    .statusCode(401);
            secrets.put("wrong password", "Wrong" + PASSWORD);
            post("/auth/forgot-password", Map.of("email", email)).then().statusCode(200);
            String reset = mailedToken(email, 2);
            secrets.put("reset token", reset);
            post("/auth/reset-password", Map.of("token", reset, "newPassword", NEW_PASSWORD))
                    .then()
                    .statusCode(200);
            secrets.put("new password", NEW_PASSWORD);
            String second = session(email, NEW_PASSWORD);
            secrets.put("second session token", second);
            given().auth().oauth2(second).post("/auth/logout").then().statusCode(200);
            given().auth().oauth2(second).get("/users/me").then().statusCode(401);
            secrets.put(
                    "password hash",
                    QuarkusTransaction.requiringNew()
                            .call(() -> users.findActive(UUID.fromString(account.userId()))
                                    .orElseThrow()
                                    .passwordHash));
            // mail bodies: a line of each mail's text
            secrets.put("verification mail body", "Please confirm your email address by opening this link");
            secrets.put("reset mail body", "Choose a new password here");
            assertTrue(LocalMailbox.messages(email).size() >= 2);
            // background work (mail, outbox relay) keeps logging after the requests: for a while, none of it may
            // carry a secret either
            Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> {
                        String sofar;
                        synchronized (lines) {
                            sofar = String.join("\n", lines);
                        }
                        return secrets.values().stream().noneMatch(sofar::contains);
                    });
        } finally {
            root.removeHandler(capture);
        }

        String log = String.join("\n", lines);
        assertTrue(log.contains(userId), "the capture works: the flow's log lines name the user id\n" + log);
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            assertFalse(log.contains(secret.getValue()), "the log contains the " + secret.getKey());
        }
        // a token is also never logged in part (e.g. its signature)
        String signature = secrets.get("session token")
                .substring(secrets.get("session token").lastIndexOf('.') + 1);
        assertFalse(log.contains(signature), "the log contains a session token's signature");
    }
}
