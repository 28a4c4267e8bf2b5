package com.writerstree.content.api;

import static io.restassured.RestAssured.given;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.content.domain.UserContent;
import com.writerstree.platform.security.ServiceCredential;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hc.core5.http.HttpRequest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provider verification of the sync gateway's consumer pact ({@code contracts/pacts/sync-gateway-content-service.json},
 * written by sync-gateway's {@code ContentServicePactTest}): every interaction is replayed against this running
 * content-service (real PostgreSQL) and its answer must match the pact. Each provider state builds real rows for the
 * pact's fixed project P of user U: the user's rows are purged first, then P becomes known through the
 * project-service stub and gets its versions by real saves.
 *
 * <p>The pact's credentials are placeholders the consumer matches only by regex ({@code Bearer .+}, {@code .+}): a
 * fixed JWT could never verify here, so the request filter replaces {@code Authorization} with a token of U signed by
 * the test key and {@code X-Service-Token} with the configured service credential.
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
@Provider("content-service")
@PactFolder("../contracts/pacts")
class GatewayPactVerificationTest {

    private static final UUID PROJECT = UUID.fromString("6f1f7d8e-2a43-4d2b-9b7e-3c1d2e4f5a60");
    private static final UUID USER = UUID.fromString("0b7e4c2a-91d3-4f5e-8a6b-7c8d9e0f1a2b");

    @TestHTTPResource("/")
    URL baseUrl;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(baseUrl.getHost(), baseUrl.getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verifiesTheGatewaysPact(PactVerificationContext context, HttpRequest request) {
        if (request.containsHeader("Authorization")) {
            request.setHeader("Authorization", TestTokens.bearer(USER));
        }
        if (request.containsHeader(ServiceCredential.HEADER)) {
            request.setHeader(
                    ServiceCredential.HEADER,
                    ConfigProvider.getConfig().getValue(ServiceCredential.PROPERTY, String.class));
        }
        context.verifyInteraction();
    }

    // ------------------------------------------------------------------------------------ provider states

    @State("content-service knows no project 6f1f7d8e-2a43-4d2b-9b7e-3c1d2e4f5a60")
    void noProject() {
        purge();
    }

    @State("project 6f1f7d8e-2a43-4d2b-9b7e-3c1d2e4f5a60 of user 0b7e4c2a-91d3-4f5e-8a6b-7c8d9e0f1a2b has saved text")
    void savedText() {
        projectWithVersions(List.of("The storm broke over the hill."));
    }

    @State("project 6f1f7d8e-2a43-4d2b-9b7e-3c1d2e4f5a60 of user 0b7e4c2a-91d3-4f5e-8a6b-7c8d9e0f1a2b is at version 7")
    void atVersion7() {
        projectWithVersions(List.of(
                "One.", "One two.", "One two three.", "Four.", "Five.", "Six.", "The storm broke over the hill."));
    }

    @State(
            "project 6f1f7d8e-2a43-4d2b-9b7e-3c1d2e4f5a60 of user 0b7e4c2a-91d3-4f5e-8a6b-7c8d9e0f1a2b has an overlapping"
                    + " edit after version 5")
    void overlappingEditAfterVersion5() {
        // version 5 is the consumer's base ("A calm night." replaces it); versions 6 to 8 rewrote the same words
        projectWithVersions(List.of(
                "One.",
                "One two.",
                "One two three.",
                "Four.",
                "It was a quiet night.",
                "It was a stormy night.",
                "The storm broke over the hill.",
                "The storm broke."));
    }

    /** P of U, known here, whose versions 1..n hold {@code texts} in order. */
    private static void projectWithVersions(List<String> texts) {
        purge();
        ProjectServiceStub.answer(PROJECT, Map.of("answer", 200, "userId", USER.toString(), "wordGoal", 50000));
        String token = TestTokens.bearer(USER);
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("content", texts.get(i));
            if (i > 0) {
                body.put("version", i);
            }
            given().header("Authorization", token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put("/projects/{id}/content", PROJECT)
                    .then()
                    .statusCode(200);
        }
    }

    /** Deletes every row of U (P included): the pact's ids are fixed, earlier runs left them behind. */
    private static void purge() {
        UserContent users = Arc.container().instance(UserContent.class).get();
        QuarkusTransaction.requiringNew().run(() -> users.purge(USER));
    }
}
