package com.writerstree.gateway.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.gateway.domain.sync.SyncMessages;
import com.writerstree.platform.security.ServiceCredential;
import com.writerstree.platform.web.RequestIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer-driven contract of the calls the gateway itself makes to content-service (docs/CONTRACTS.md): the
 * internal read of a project's text for a {@code sync:update}, and a device's save over the sync socket ({@code
 * sync:content} -> {@code PUT /projects/{id}/content}, with its conflict). The requests are the ones
 * {@link ContentClient} sends; the answers are read with the gateway's own code ({@link ContentClient.Reply},
 * {@link SyncMessages#update}). The pact file goes to {@code contracts/pacts/sync-gateway-content-service.json}, which
 * content-service verifies as the provider.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "content-service", pactVersion = PactSpecVersion.V3)
@PactDirectory("../contracts/pacts")
class ContentServicePactTest {

    private static final String PROJECT = "6f1f7d8e-2a43-4d2b-9b7e-3c1d2e4f5a60";
    private static final String OWNER = "0b7e4c2a-91d3-4f5e-8a6b-7c8d9e0f1a2b";
    private static final String TOKEN = "dev-service-token-not-for-production";

    @Pact(consumer = "sync-gateway")
    public RequestResponsePact internalRead(PactDslWithProvider builder) {
        return builder.given("project " + PROJECT + " of user " + OWNER + " has saved text")
                .uponReceiving("the internal read of a project's text for a sync:update")
                .method("GET")
                .path("/internal/projects/" + PROJECT + "/content")
                .matchHeader(ServiceCredential.HEADER, ".+", TOKEN)
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .booleanValue("success", true)
                        .object("data")
                        .uuid("projectId", java.util.UUID.fromString(PROJECT))
                        .uuid("userId", java.util.UUID.fromString(OWNER))
                        .stringType("text", "The storm broke over the hill.")
                        .integerType("version", 7)
                        .integerType("wordCount", 6)
                        .stringType("lastSavedAt", "2026-11-30T12:00:00Z")
                        .closeObject())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "internalRead")
    void theInternalReadGivesOwnerTextAndVersion(MockServer server) throws Exception {
        ContentClient.Reply reply = send(
                server,
                "GET",
                "/internal/projects/" + PROJECT + "/content",
                null,
                Map.of(ServiceCredential.HEADER, TOKEN, RequestIds.HEADER, "evt-1"));
        assertEquals(200, reply.status());
        JsonNode data = reply.data();
        assertEquals(OWNER, data.path("userId").asText(), "the fan-out sends nothing when the owner differs");
        Map<String, Object> update = SyncMessages.update(PROJECT, data);
        assertEquals("The storm broke over the hill.", update.get("content"));
        assertEquals(7, update.get("version"));
        assertEquals(6, update.get("wordCount"));
        assertEquals("2026-11-30T12:00:00Z", update.get("updatedAt"));
    }

    @Pact(consumer = "sync-gateway")
    public RequestResponsePact internalReadOfUnknownProject(PactDslWithProvider builder) {
        return builder.given("content-service knows no project " + PROJECT)
                .uponReceiving("the internal read of an unknown project")
                .method("GET")
                .path("/internal/projects/" + PROJECT + "/content")
                .matchHeader(ServiceCredential.HEADER, ".+", TOKEN)
                .willRespondWith()
                .status(404)
                .body(new PactDslJsonBody()
                        .booleanValue("success", false)
                        .object("error")
                        .stringValue("code", "NOT_FOUND")
                        .stringType("message", "Project not found")
                        .closeObject())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "internalReadOfUnknownProject")
    void anUnknownProjectIsNotFound(MockServer server) throws Exception {
        ContentClient.Reply reply = send(
                server,
                "GET",
                "/internal/projects/" + PROJECT + "/content",
                null,
                Map.of(ServiceCredential.HEADER, TOKEN));
        assertEquals(404, reply.status());
        assertEquals("NOT_FOUND", reply.errorCode());
    }

    @Pact(consumer = "sync-gateway")
    public RequestResponsePact saveOverTheSocket(PactDslWithProvider builder) {
        return builder.given("project " + PROJECT + " of user " + OWNER + " is at version 7")
                .uponReceiving("a sync:content save on the current version")
                .method("PUT")
                .path("/projects/" + PROJECT + "/content")
                .matchHeader("Authorization", "Bearer .+", "Bearer a.user.token")
                .matchHeader(ContentClient.SYNC_ORIGIN, ".+", "connection-1")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody()
                        .stringType("content", "The storm broke.")
                        .integerType("version", 7))
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .booleanValue("success", true)
                        .object("data")
                        .integerType("version", 8)
                        .integerType("wordCount", 3)
                        .stringType("savedAt", "2026-11-30T12:00:05Z")
                        .booleanType("merged", false)
                        .closeObject())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "saveOverTheSocket")
    void aSaveAnswersTheNewVersion(MockServer server) throws Exception {
        ContentClient.Reply reply = send(
                server,
                "PUT",
                "/projects/" + PROJECT + "/content",
                "{\"content\":\"The storm broke.\",\"version\":7}",
                Map.of(
                        "Authorization",
                        "Bearer a.user.token",
                        ContentClient.SYNC_ORIGIN,
                        "connection-1",
                        "Content-Type",
                        "application/json"));
        assertEquals(200, reply.status());
        assertEquals(8, reply.data().path("version").asInt());
        assertTrue(reply.data().path("savedAt").isTextual());
    }

    @Pact(consumer = "sync-gateway")
    public RequestResponsePact conflictingSave(PactDslWithProvider builder) {
        return builder.given("project " + PROJECT + " of user " + OWNER + " has an overlapping edit after version 5")
                .uponReceiving("a sync:content save whose edits overlap newer ones")
                .method("PUT")
                .path("/projects/" + PROJECT + "/content")
                .matchHeader("Authorization", "Bearer .+", "Bearer a.user.token")
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody()
                        .stringType("content", "A calm night.")
                        .integerType("version", 5))
                .willRespondWith()
                .status(409)
                .body(new PactDslJsonBody()
                        .booleanValue("success", false)
                        .object("error")
                        .stringValue("code", "VERSION_CONFLICT")
                        .stringType("message", "Your changes conflict with recent updates")
                        .object("details")
                        .integerType("serverVersion", 8)
                        .stringType("serverContent", "The storm broke.")
                        .closeObject()
                        .closeObject())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "conflictingSave")
    void aConflictCarriesTheServersVersionAndText(MockServer server) throws Exception {
        ContentClient.Reply reply = send(
                server,
                "PUT",
                "/projects/" + PROJECT + "/content",
                "{\"content\":\"A calm night.\",\"version\":5}",
                Map.of("Authorization", "Bearer a.user.token", "Content-Type", "application/json"));
        assertEquals(409, reply.status());
        assertEquals("VERSION_CONFLICT", reply.errorCode());
        assertEquals(8, reply.errorDetails().path("serverVersion").asInt());
        assertEquals(
                "The storm broke.", reply.errorDetails().path("serverContent").asText());
    }

    private static ContentClient.Reply send(
            MockServer server, String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getUrl() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ContentClient.Reply(
                response.statusCode(), SyncMessages.mapper().readTree(response.body()));
    }
}
