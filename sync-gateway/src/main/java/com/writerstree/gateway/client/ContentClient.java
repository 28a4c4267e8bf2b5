package com.writerstree.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.ServiceCredential;
import com.writerstree.platform.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The gateway's calls to content-service on behalf of a WebSocket (blocking: called from worker threads), and the
 * fan-out's asynchronous internal read.
 */
@ApplicationScoped
public class ContentClient {

    public static final String SYNC_ORIGIN = "X-Sync-Origin";
    private static final Logger LOG = Logger.getLogger(ContentClient.class);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    UpstreamClient client;

    /** content-service's answer: status and the parsed envelope. */
    public record Reply(int status, JsonNode body) {
        JsonNode data() {
            return body.path("data");
        }

        String errorCode() {
            return status == 200
                    ? null
                    : body.path("error").path("code").asText(ErrorCode.EXTERNAL_SERVICE_ERROR.name());
        }

        String errorMessage() {
            return body.path("error").path("message").asText(ErrorCode.EXTERNAL_SERVICE_ERROR.defaultMessage());
        }

        JsonNode errorDetails() {
            return body.path("error").path("details");
        }
    }

    public Reply save(String token, String projectId, String json, String origin, String requestId) {
        MultiMap headers = headers(token, requestId);
        headers.set("Content-Type", "application/json");
        headers.set(SYNC_ORIGIN, origin);
        return call(HttpMethod.PUT, "/projects/" + projectId + "/content", headers, Buffer.buffer(json));
    }

    public Reply read(String token, String projectId, String requestId) {
        return call(HttpMethod.GET, "/projects/" + projectId + "/content", headers(token, requestId), null);
    }

    /**
     * content-service's internal read of a project's text ({@code GET /internal/projects/{id}/content}, with the
     * service credential instead of a user's token, which may have expired), asynchronous: no thread waits for it.
     * Data: {projectId, userId (owner), text, version, wordCount, lastSavedAt}. Any failure is a 503 reply.
     */
    public Uni<Reply> readInternal(String projectId, String requestId, Duration timeout) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set(ServiceCredential.HEADER, ServiceCredential.outgoing());
        headers.set(RequestIds.HEADER, requestId);
        headers.set("Accept", "application/json");
        String path = "/internal/projects/" + projectId + "/content";
        return client.send(client.baseUrl(Upstream.CONTENT) + path, HttpMethod.GET, headers, null, timeout)
                .emitOn(Infrastructure.getDefaultWorkerPool()) // parsing a long text is not the event loop's work
                .map(answer -> reply(HttpMethod.GET, path, answer.statusCode(), answer.bodyAsString()))
                .onFailure()
                .recoverWithItem(e -> unavailable(HttpMethod.GET, path, e));
    }

    /** The {@code sync:update} data for a stored content object {text, version, wordCount, lastSavedAt}. */
    static Map<String, Object> update(String projectId, JsonNode stored) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("projectId", projectId);
        update.put("content", stored.path("text").asText(""));
        update.put("wordCount", stored.path("wordCount").asInt());
        update.put("version", stored.path("version").asInt());
        update.put(
                "updatedAt",
                stored.path("lastSavedAt").isTextual()
                        ? stored.get("lastSavedAt").asText()
                        : null);
        return update;
    }

    private Reply call(HttpMethod method, String path, MultiMap headers, Buffer body) {
        try {
            var answer = client.send(Upstream.CONTENT, method, path, headers, body)
                    .await()
                    .atMost(WAIT);
            return reply(method, path, answer.statusCode(), answer.bodyAsString());
        } catch (RuntimeException e) {
            return unavailable(method, path, e);
        }
    }

    private static Reply reply(HttpMethod method, String path, int status, String body) {
        JsonNode parsed;
        try {
            parsed = body == null ? null : SyncMessages.mapper().readTree(body);
        } catch (Exception e) {
            parsed = null;
        }
        if (parsed == null) {
            parsed = MissingNode.getInstance();
        }
        if (status >= 500) {
            LOG.warnf("content-service answered %d to %s %s", status, method, path);
        }
        return new Reply(status, parsed);
    }

    private static Reply unavailable(HttpMethod method, String path, Throwable e) {
        LOG.warnf("content-service unavailable for %s %s: %s", method, path, e.toString());
        return new Reply(
                503,
                SyncMessages.mapper()
                        .createObjectNode()
                        .set(
                                "error",
                                SyncMessages.mapper()
                                        .createObjectNode()
                                        .put("code", ErrorCode.EXTERNAL_SERVICE_ERROR.name())
                                        .put("message", ErrorCode.EXTERNAL_SERVICE_ERROR.defaultMessage())));
    }

    private static MultiMap headers(String token, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set("Authorization", "Bearer " + token);
        headers.set(RequestIds.HEADER, requestId);
        headers.set("Accept", "application/json");
        return headers;
    }
}
