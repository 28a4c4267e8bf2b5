package com.writerstree.platform.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.writerstree.platform.security.ServiceCredential;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The internal user-data routes every service with user data serves (docs/CONTRACTS.md, "User data export and
 * purge"), read in a Quarkus test like export-service and an operator read them: the export part, the purge
 * receipt, and the refusal without the service credential.
 */
public final class UserDataChecks {

    private UserDataChecks() {}

    /** {@code GET /internal/users/{userId}/export} with the service's own credential. */
    public static ValidatableResponse export(UUID userId) {
        return given().header(ServiceCredential.HEADER, serviceToken())
                .get("/internal/users/{userId}/export", userId)
                .then();
    }

    /** {@code GET /internal/purges/{eventId}} with the service's own credential. */
    public static ValidatableResponse receipt(UUID eventId) {
        return given().header(ServiceCredential.HEADER, serviceToken())
                .get("/internal/purges/{eventId}", eventId)
                .then();
    }

    /** Waits until {@code service} has a receipt for the purge {@code eventId}, then checks its shape. */
    public static void awaitReceipt(String service, UUID eventId, Duration atMost) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> receipt(eventId).extract().statusCode() == 200);
        receipt(eventId)
                .body("success", equalTo(true))
                .body("data.service", equalTo(service))
                .body("data.completedAt", notNullValue());
    }

    /** No receipt for {@code eventId}: 404 in the error envelope. */
    public static void assertNoReceipt(UUID eventId) {
        receipt(eventId).statusCode(404).body("success", equalTo(false)).body("error.code", equalTo("NOT_FOUND"));
    }

    /**
     * The export and the receipt routes answer 401 AUTHENTICATION_REQUIRED in the envelope without a credential,
     * with a wrong one, and with a user's own access token.
     */
    public static void assertInternalRoutesRefuseWithoutServiceToken() {
        UUID user = UUID.randomUUID();
        for (String path :
                new String[] {"/internal/users/" + user + "/export", "/internal/purges/" + UUID.randomUUID()}) {
            given().get(path)
                    .then()
                    .statusCode(401)
                    .body("success", equalTo(false))
                    .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
            given().header(ServiceCredential.HEADER, serviceToken() + "x")
                    .get(path)
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
            given().header("Authorization", TestTokens.bearer(user))
                    .get(path)
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        }
    }

    private static String serviceToken() {
        return ConfigProvider.getConfig().getValue(ServiceCredential.PROPERTY, String.class);
    }
}
