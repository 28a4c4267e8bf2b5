package com.writerstree.gateway.domain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.gateway.client.ContentClient;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.limits.EdgeLimits;
import com.writerstree.gateway.domain.sync.SyncService.Reply;
import com.writerstree.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * {@code sync:resume}: "give me what I missed since version N" for at most {@code gateway.ws.resume-max-projects}
 * projects; each one looked up costs one request of the user's API budget (the fixed window REST reads of the same
 * text count against), so a resume cannot make more content-service calls than the user could make over REST. The
 * lookups stop at the first one over the budget (an {@code error RATE_LIMIT_EXCEEDED} with {@code retryAfter}).
 */
@ApplicationScoped
public class SyncResume {

    private final EdgeLimits limits;
    private final ContentClient content;
    private final GatewayConfig config;

    SyncResume(EdgeLimits limits, ContentClient content, GatewayConfig config) {
        this.limits = limits;
        this.content = content;
        this.config = config;
    }

    Reply resume(SyncSession session, JsonNode data, String requestId) {
        JsonNode projects = data.get("projects");
        int max = config.ws().resumeMaxProjects();
        if (projects == null || !projects.isArray() || projects.size() > max) {
            return Reply.error(
                    "VALIDATION_ERROR",
                    "sync:resume needs data.projects: [{projectId, version}] (at most " + max + ")",
                    requestId);
        }
        int checked = 0;
        int updated = 0;
        for (JsonNode p : projects) {
            String projectId = SyncMessages.text(p, "projectId");
            Integer version = SyncMessages.integer(p, "version");
            if (!SyncMessages.isProjectId(projectId) || version == null) {
                session.emit(
                        "error",
                        SyncService.errorData(
                                "VALIDATION_ERROR", "each project needs projectId (UUID) and version", requestId));
                continue;
            }
            try {
                limits.checkUserBudget(session.userId()).await().atMost(SyncService.REDIS_WAIT);
            } catch (ApiException e) {
                Map<String, Object> limited = SyncService.rateLimited(e, requestId);
                limited.put("message", "sync:resume stopped after " + checked + " projects: " + e.getMessage());
                return Reply.of("error", limited);
            }
            checked++;
            ContentClient.Reply reply = content.read(session.identity().token(), projectId, requestId);
            if (reply.status() != 200) {
                session.emit("error", SyncService.errorData(reply.errorCode(), reply.errorMessage(), requestId));
                continue;
            }
            JsonNode stored = reply.data().path("content");
            if (stored.path("version").asInt() > version) {
                session.emit("sync:update", SyncMessages.update(projectId, stored));
                updated++;
            }
        }
        return new Reply("sync:resume", Map.of("checked", checked, "updated", updated), true);
    }
}
