package com.writerstree.content.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.contracts.project.v1.ProjectEvents;
import com.writerstree.platform.security.ServiceCredential;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The internal read of a project's text: only with the service credential, never with a user's token. */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
class InternalContentResourceTest {

    @Test
    void theServiceCredentialReadsTextVersionAndOwner() {
        UUID owner = UUID.randomUUID();
        UUID project = announce(owner);
        given().header("Authorization", TestTokens.bearer(owner))
                .contentType(ContentType.JSON)
                .body(Map.of("content", "Captain Zorblat sailed at dawn."))
                .put("/projects/{id}/content", project)
                .then()
                .statusCode(200);

        given().header(ServiceCredential.HEADER, token())
                .get("/internal/projects/{id}/content", project)
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.projectId", equalTo(project.toString()))
                .body("data.userId", equalTo(owner.toString()))
                .body("data.text", equalTo("Captain Zorblat sailed at dawn."))
                .body("data.version", equalTo(1))
                .body("data.wordCount", equalTo(5))
                .body("data.lastSavedAt", notNullValue());
    }

    @Test
    void withoutTheRightCredentialNothingIsRead() {
        UUID owner = UUID.randomUUID();
        UUID project = announce(owner);
        given().get("/internal/projects/{id}/content", project)
                .then()
                .statusCode(401)
                .body("success", equalTo(false))
                .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        given().header(ServiceCredential.HEADER, token() + "x")
                .get("/internal/projects/{id}/content", project)
                .then()
                .statusCode(401);
        // the owner's own access token does not open internal routes either
        given().header("Authorization", TestTokens.bearer(owner))
                .get("/internal/projects/{id}/content", project)
                .then()
                .statusCode(401);
    }

    @Test
    void anUnknownProjectIsNotFound() {
        given().header(ServiceCredential.HEADER, token())
                .get("/internal/projects/{id}/content", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
    }

    private static String token() {
        return ConfigProvider.getConfig().getValue(ServiceCredential.PROPERTY, String.class);
    }

    private static UUID announce(UUID owner) {
        UUID project = UUID.randomUUID();
        LocalKafka.publish(ProjectEvents.ProjectCreated.of(owner, project, "A novel", 50000, "active"));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().header("Authorization", TestTokens.bearer(owner))
                        .get("/projects/{id}/content", project)
                        .then()
                        .statusCode(200));
        return project;
    }
}
