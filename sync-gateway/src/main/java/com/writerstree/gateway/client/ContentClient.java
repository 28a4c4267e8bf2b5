package com.writerstree.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.writerstree.gateway.domain.sync.SyncMessages;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.ServiceCredential;
import com.writerstree.platform.web.RequestIds;
import com.writerstree.platform.web.SuiteHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The gateway's calls to content-service on behalf of a WebSocket (a save, asynchronous; a resume's read, blocking:
 * called from a worker thread), and the fan-out's asynchronous internal read, all through content-service's circuit
 * breaker ({@link UpstreamClient}).
 */
@ApplicationScoped
public class ContentClient {

    public static final String SYNC_ORIGIN = SuiteHeaders.SYNC_ORIGIN;
    private static final Logger LOG = Logger.getLogger(ContentClient.class);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final UpstreamClient client;

    ContentClient(UpstreamClient client) {
        this.client = client;
    }

    /** content-service's answer: status and the parsed envelope. */
    public record Reply(int status, JsonNode body) {
        public JsonNode data() {
            return body.path("data");
        }

        public String errorCode() {
            return status == 200
                    ? null
                    : body.path("error").path("code").asText(ErrorCode.EXTERNAL_SERVICE_ERROR.name());
        }

        public String errorMessage() {
            return body.path("error").path("message").asText(ErrorCode.EXTERNAL_SERVICE_ERROR.defaultMessage());
        }

        public JsonNode errorDetails() {
            return body.path("error").path("details");
        }
    }

    /**
     * A device's save, asynchronous: no thread waits for content-service (a slow content-service holds the saving
     * connections' next messages, not the gateway's worker threads, so other users' messages keep flowing). The answer
     * is read on a worker thread (a merged save's answer carries the whole text). Any failure is a 503/504 reply, within
     * {@code gateway.client.request-timeout}.
     */
    public Uni<Reply> save(String token, String projectId, String json, String origin, String requestId) {
        MultiMap headers = headers(token, requestId);
        headers.set("Content-Type", "application/json");
        headers.set(SYNC_ORIGIN, origin);
        String path = "/projects/" + projectId + "/content";
        return client.send(Upstream.CONTENT, HttpMethod.PUT, path, headers, Buffer.buffer(json))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(answer -> reply(HttpMethod.PUT, path, answer.statusCode(), answer.bodyAsString()))
                .onFailure()
                .recoverWithItem(e -> unavailable(HttpMethod.PUT, path, e));
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
        return client.send(Upstream.CONTENT, HttpMethod.GET, path, headers, null, timeout)
                .emitOn(Infrastructure.getDefaultWorkerPool()) // parsing a long text is not the event loop's work
                .map(answer -> reply(HttpMethod.GET, path, answer.statusCode(), answer.bodyAsString()))
                .onFailure()
                .recoverWithItem(e -> unavailable(HttpMethod.GET, path, e));
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

    /** A call that failed (see {@link UpstreamFailures}): 504 when content-service did not answer in time, else 503. */
    private static Reply unavailable(HttpMethod method, String path, Throwable e) {
        LOG.warnf("content-service unavailable for %s %s: %s", method, path, e.toString());
        ApiException failure = UpstreamFailures.toApi(Upstream.CONTENT, e);
        return new Reply(
                failure.status(),
                SyncMessages.mapper()
                        .createObjectNode()
                        .set(
                                "error",
                                SyncMessages.mapper()
                                        .createObjectNode()
                                        .put("code", failure.code().name())
                                        .put("message", failure.getMessage())));
    }

    private static MultiMap headers(String token, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set("Authorization", "Bearer " + token);
        headers.set(RequestIds.HEADER, requestId);
        headers.set("Accept", "application/json");
        return headers;
    }
}
