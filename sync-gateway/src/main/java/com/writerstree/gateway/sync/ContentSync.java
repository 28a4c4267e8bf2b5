package com.writerstree.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.writerstree.gateway.routing.Upstream;
import com.writerstree.gateway.routing.UpstreamClient;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.web.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** The gateway's calls to content-service on behalf of a WebSocket (blocking: called from worker threads). */
@ApplicationScoped
public class ContentSync {

    public static final String SYNC_ORIGIN = "X-Sync-Origin";
    private static final Logger LOG = Logger.getLogger(ContentSync.class);
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
            JsonNode parsed;
            try {
                parsed = SyncMessages.mapper().readTree(answer.bodyAsString());
            } catch (Exception e) {
                parsed = null;
            }
            if (parsed == null) {
                parsed = MissingNode.getInstance();
            }
            if (answer.statusCode() >= 500) {
                LOG.warnf("content-service answered %d to %s %s", answer.statusCode(), method, path);
            }
            return new Reply(answer.statusCode(), parsed);
        } catch (RuntimeException e) {
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
    }

    private static MultiMap headers(String token, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.set("Authorization", "Bearer " + token);
        headers.set(RequestIds.HEADER, requestId);
        headers.set("Accept", "application/json");
        return headers;
    }
}
