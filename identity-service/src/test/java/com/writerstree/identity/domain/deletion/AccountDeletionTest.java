package com.writerstree.identity.domain.deletion;

import static com.writerstree.identity.IdentityClient.PASSWORD;
import static com.writerstree.identity.IdentityClient.login;
import static com.writerstree.identity.IdentityClient.me;
import static com.writerstree.identity.IdentityClient.post;
import static com.writerstree.identity.IdentityClient.register;
import static com.writerstree.identity.IdentityClient.registerVerified;
import static com.writerstree.identity.IdentityClient.session;
import static com.writerstree.identity.IdentityClient.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.identity.IdentityClient.Account;
import com.writerstree.identity.client.ExportServiceStub;
import com.writerstree.identity.config.MovableClock;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.LocalMailbox;
import com.writerstree.platform.testing.SchemaScan;
import com.writerstree.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DELETE /users/me, the cancel link and the purge after the grace period, against PostgreSQL, Redis, GreenMail and
 * Kafka; export-service's internal start is a local stand-in that records the call (the real one: GdprIT).
 */
@QuarkusTest
class AccountDeletionTest {

    private static ExportServiceStub exportService;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RedisDataSource redis;

    @Inject
    AccountPurge purge;

    @BeforeAll
    static void startExportService() throws Exception {
        exportService = new ExportServiceStub();
    }

    @AfterAll
    static void stopExportService() {
        exportService.close();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
        exportService.down = false;
        exportService.delay = Duration.ZERO;
    }

    private static Response delete(String token, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .delete("/users/me");
    }

    @Test
    void aDeletionNeedsThePasswordAndRefusesTheAccountUntilTheCancelLinkRestoresIt() {
        String email = uniqueEmail();
        Account account = registerVerified(email);
        String token = session(email, PASSWORD);

        delete(token, Map.of()).then().statusCode(400).body("error.details.field", is("password"));
        delete(token, Map.of("password", "WrongPass123!"))
                .then()
                .statusCode(401)
                .body("error.code", is("INVALID_CREDENTIALS"));
        me(token).then().statusCode(200);
        assertTrue(exportService.calls.isEmpty()
                || exportService.calls.stream().noneMatch(c -> c.path().contains(account.userId())));

        Response deleted = delete(token, Map.of("password", PASSWORD));
        deleted.then()
                .statusCode(200)
                .body("success", is(true))
                .body("message", is("Account deleted successfully."))
                .body("dataExportUrl", containsString("/writers-tree-data.zip"))
                .body("data.purgeAt", notNullValue());
        ExportServiceStub.Call call = exportService.calls.stream()
                .filter(c -> c.path().equals("/internal/users/" + account.userId() + "/archives"))
                .findFirst()
                .orElseThrow();
        assertEquals("dev-service-token-not-for-production", call.serviceToken());
        assertTrue(call.body().contains("\"deletion\""), call.body());

        // every session ends, sign-in says why, the address is not free, the event is in the outbox
        me(token).then().statusCode(401);
        login(email, PASSWORD)
                .then()
                .statusCode(403)
                .body("error.code", is("ACCOUNT_DELETED"))
                .body("error.details.purgeAt", notNullValue());
        login(email, "WrongPass123!").then().statusCode(401).body("error.code", is("INVALID_CREDENTIALS"));
        post("/auth/register", Map.of("email", email, "password", PASSWORD))
                .then()
                .statusCode(409)
                .body("error.details.reason", is("pendingDeletion"))
                .body("error.details.availableAfter", notNullValue());
        assertEquals(
                1L,
                TestSql.single(
                        dataSource,
                        Long.class,
                        "SELECT count(*) FROM outbox_events WHERE event_type = 'UserDeletionRequested' AND event_key = ?",
                        account.userId()));

        // mail #2: the export link and the cancel link
        String mail = LocalMailbox.awaitMessage(email, 2, Duration.ofSeconds(20))
                .replace("=\r\n", "")
                .replace("=3D", "=");
        assertTrue(mail.contains("writers-tree-data.zip"), "export link in the mail");
        assertTrue(mail.contains("/cancel-deletion?token="), "cancel link in the mail");
        String cancel = LocalMailbox.linkParameter(mail.substring(mail.indexOf("/cancel-deletion")), "token")
                .orElseThrow();

        post("/auth/cancel-deletion", Map.of("token", "not-a-token"))
                .then()
                .statusCode(400)
                .body("error.code", is("VALIDATION_ERROR"));
        post("/auth/cancel-deletion", Map.of("token", cancel)).then().statusCode(200);
        post("/auth/cancel-deletion", Map.of("token", cancel)).then().statusCode(400);
        me(token).then().statusCode(401); // old sessions stay revoked
        String again = session(email, PASSWORD);
        me(again).then().statusCode(200).body("data.email", is(email));

        // a restored account is not purged when its old grace period ends
        MovableClock.advance(Duration.ofDays(31));
        purge.purgeDue();
        me(again).then().statusCode(200);
    }

    /**
     * A hung export-service (it would answer after 30 s) is cut at the timeout (2 s in the test profile) and answered
     * in the envelope; the bound of the assertion leaves room for bcrypt on a busy machine.
     */
    @Test
    void aHungExportServiceIsCutAtTheTimeoutAndNothingIsDeleted() {
        String email = uniqueEmail();
        registerVerified(email);
        String token = session(email, PASSWORD);
        exportService.delay = Duration.ofSeconds(30);
        long started = System.nanoTime();
        delete(token, Map.of("password", PASSWORD))
                .then()
                .statusCode(503)
                .body("success", is(false))
                .body("error.code", is("EXTERNAL_SERVICE_ERROR"))
                .body("error.details.service", is("export-service"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "cut at the timeout, not after the answer: " + took);
        me(token).then().statusCode(200);
    }

    @Test
    void withoutTheExportNothingIsDeleted() {
        String email = uniqueEmail();
        registerVerified(email);
        String token = session(email, PASSWORD);
        exportService.down = true;
        delete(token, Map.of("password", PASSWORD))
                .then()
                .statusCode(503)
                .body("error.code", is("EXTERNAL_SERVICE_ERROR"));
        me(token).then().statusCode(200);
        login(email, PASSWORD).then().statusCode(200);
    }

    @Test
    void afterTheGracePeriodThePurgeLeavesNeitherIdNorAddressAndTheAddressCanRegisterAgain() {
        // unverified accounts (the registration's session): deletion does not need a verified address
        String email = uniqueEmail();
        Account account = register(email);
        String token = account.registrationToken();
        String other = uniqueEmail();
        Account bystander = register(other);
        delete(token, Map.of("password", PASSWORD)).then().statusCode(200);

        // identity's own export part, also of a deleted account: never a hash or a token
        Response part = given().header("X-Service-Token", "dev-service-token-not-for-production")
                .get("/internal/users/" + account.userId() + "/export");
        part.then()
                .statusCode(200)
                .body("data.service", is("identity-service"))
                .body("data.parts.profile.email", is(email))
                .body("data.parts.profile.deletedAt", notNullValue())
                .body("data.parts.preferences.timezone", is("UTC"))
                .body("data.parts.signInMethods.password", is(true));
        assertFalse(part.asString().contains("$2a$"), "no bcrypt hash");
        assertFalse(part.asString().toLowerCase().contains("hash"), "no token hash");
        given().get("/internal/users/" + account.userId() + "/export").then().statusCode(401);

        // inside the grace period nothing is purged
        MovableClock.advance(Duration.ofDays(29));
        purge.purgeDue();
        login(email, PASSWORD).then().statusCode(403);

        MovableClock.advance(Duration.ofDays(2));
        String eventId;
        try (LocalKafka.Watcher events = LocalKafka.watch(LocalKafka.TEST_PREFIX + "user-events")) {
            assertTrue(purge.purgeDue() >= 1);
            String purged = events.awaitRecord(
                            v -> v.contains("UserPurged") && v.contains(account.userId()), Duration.ofSeconds(30))
                    .value();
            eventId = io.restassured.path.json.JsonPath.from(purged).getString("eventId");
        }
        assertEquals(0, purge.purgeDue(), "idempotent: nothing left to purge");
        assertEquals(
                1L,
                TestSql.single(
                        dataSource,
                        Long.class,
                        "SELECT count(*) FROM purge_receipts WHERE event_id = ?::uuid",
                        eventId));
        // the published UserPurged leaves the outbox at the next run
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            purge.purgeDue();
            return TestSql.single(
                            dataSource,
                            Long.class,
                            "SELECT count(*) FROM outbox_events WHERE event_id = ?::uuid",
                            eventId)
                    == 0L;
        });

        assertEquals(List.of(), SchemaScan.columnsContaining(dataSource, "identity", account.userId()));
        assertEquals(List.of(), SchemaScan.columnsContaining(dataSource, "identity", email));
        List<String> keys = new ArrayList<>();
        redis.key()
                .scan(new KeyScanArgs().match("*" + account.userId() + "*").count(1000))
                .toIterable()
                .forEach(keys::add);
        assertEquals(List.of(), keys, "no Redis key names the purged user");

        // the bystander is untouched, the address is free again, the operator sees the purge
        me(bystander.registrationToken()).then().statusCode(200).body("data.id", is(bystander.userId()));
        post("/auth/register", Map.of("email", email, "password", PASSWORD))
                .then()
                .statusCode(201);
        given().header("X-Service-Token", "dev-service-token-not-for-production")
                .get("/internal/purges?limit=200")
                .then()
                .statusCode(200)
                .body(
                        "data.find { it.eventId == '" + eventId + "' }.services.'identity-service'.status",
                        is("confirmed"))
                .body("data.find { it.eventId == '" + eventId + "' }.complete", is(false));
        given().get("/internal/purges").then().statusCode(401);
        UUID.fromString(eventId);
    }

    @Test
    void aDeletedAccountsNewRegistrationIsRefusedWithTheReasonButUnknownSessionsStay401() {
        given().auth()
                .oauth2("not-a-jwt")
                .contentType(ContentType.JSON)
                .body(Map.of("password", PASSWORD))
                .delete("/users/me")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("password", PASSWORD))
                .delete("/users/me")
                .then()
                .statusCode(401)
                .body("error.code", is("AUTHENTICATION_REQUIRED"))
                .body("data", nullValue());
    }
}
