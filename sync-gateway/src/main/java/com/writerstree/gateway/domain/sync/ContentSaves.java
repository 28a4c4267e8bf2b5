package com.writerstree.gateway.domain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.writerstree.gateway.client.ContentClient;
import com.writerstree.gateway.domain.limits.EdgeLimits;
import com.writerstree.gateway.domain.sync.SyncService.Reply;
import com.writerstree.gateway.events.UserChannels;
import com.writerstree.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sync:content}: a device's save (the whole text or a patch against its base version), checked as strictly
 * as REST (UUID project, no NUL or unpaired surrogate), under the save budget shared with {@code PUT
 * /projects/{id}/content}, sent to content-service with the user's token and {@code X-Sync-Origin: <connection>} (so
 * that the fan-out skips the device that saved). The answer is {@code sync:ack}, {@code sync:conflict}, or an
 * {@code error}. A stored save is pushed at once on the user's Redis channel ({@link UserChannels}) to the replicas
 * holding the user's other devices: the text this replica already has (the device's text, or the merged text
 * content-service answered), or the device's patch when it applied to the version it names; those replicas send
 * {@code sync:update} without reading the text back ({@link FanOut#pushed}).
 */
@ApplicationScoped
public class ContentSaves {

    private final EdgeLimits limits;
    private final ContentClient content;
    private final UserChannels channels;

    ContentSaves(EdgeLimits limits, ContentClient content, UserChannels channels) {
        this.limits = limits;
        this.content = content;
        this.channels = channels;
    }

    /**
     * The answer to a save, when content-service has given its own: nothing waits for it on a thread (see {@link
     * ContentClient#save}). A refusal by the rules or the save budget answers at once.
     */
    Uni<Reply> save(SyncSession session, JsonNode data, String requestId) {
        String projectId = SyncMessages.text(data, "projectId");
        JsonNode text = data.get("content");
        JsonNode patch = data.get("patch");
        boolean hasText = text != null && !text.isNull();
        boolean hasPatch = patch != null && !patch.isNull();
        if (!SyncMessages.isProjectId(projectId)
                || hasText == hasPatch
                || (hasText && !text.isTextual())
                || (hasPatch && (!patch.isArray() || !data.hasNonNull("version")))) {
            return Uni.createFrom()
                    .item(Reply.error(
                            "VALIDATION_ERROR",
                            "sync:content needs data.projectId (UUID) and either data.content (string) or data.patch"
                                    + " (array of retain/delete/insert operations, with data.version)",
                            requestId));
        }
        String invalid = hasText ? TextRules.problem(text.asText()) : TextRules.problemInPatch(patch);
        if (invalid != null) {
            return Uni.createFrom().item(Reply.error("VALIDATION_ERROR", invalid, requestId));
        }
        ObjectNode body = SyncMessages.mapper().createObjectNode();
        if (hasText) {
            body.set("content", text);
        } else {
            body.set("patch", patch);
        }
        for (String optional : List.of("wordCount", "cursorPosition", "version")) {
            if (data.hasNonNull(optional)) {
                body.set(optional, data.get(optional));
            }
        }
        String json = body.toString();
        SyncSession.Identity identity = session.identity();
        return limits.checkSave(identity.userId(), projectId)
                .ifNoItem()
                .after(SyncService.REDIS_WAIT)
                .fail()
                .chain(() -> content.save(identity.token(), projectId, json, session.id(), requestId))
                .map(reply -> answer(session, projectId, data, reply, requestId))
                .onFailure(ApiException.class)
                .recoverWithItem(e -> Reply.of("error", SyncService.rateLimited((ApiException) e, requestId)));
    }

    private Reply answer(
            SyncSession session, String projectId, JsonNode data, ContentClient.Reply reply, String requestId) {
        if (reply.status() == 200) {
            push(session, projectId, data, reply.data());
            return Reply.of("sync:ack", ack(projectId, reply.data()));
        }
        if (reply.status() == 409 && "VERSION_CONFLICT".equals(reply.errorCode())) {
            return Reply.of("sync:conflict", conflict(projectId, data, reply.errorDetails()));
        }
        return Reply.error(reply.errorCode(), reply.errorMessage(), requestId);
    }

    /** The saved version on the user's channel (see the class comment); nothing when the text is not at hand. */
    private void push(SyncSession session, String projectId, JsonNode data, JsonNode saved) {
        int version = saved.path("version").asInt(-1);
        ObjectNode message = SyncMessages.mapper().createObjectNode();
        message.put("origin", session.id());
        message.put("projectId", projectId);
        message.put("version", version);
        message.put("wordCount", saved.path("wordCount").asInt());
        message.put("updatedAt", saved.path("savedAt").asText(null));
        JsonNode text;
        if (saved.path("merged").asBoolean(false)) {
            text = saved.path("content"); // missing: not textual, nothing pushed
        } else if (data.hasNonNull("content")) {
            text = data.get("content");
        } else {
            Integer base = SyncMessages.integer(data, "version");
            if (base == null || version != base + 1) {
                return; // an unchanged save: no new version
            }
            message.set("patch", data.get("patch"));
            message.put("baseVersion", base);
            text = null;
        }
        if (text != null) {
            if (!text.isTextual() || text.asText().length() > PatchCache.MAX_TEXT) {
                return; // no text at hand, or too long to keep anywhere: the content event's read sends it
            }
            message.set("content", text);
        }
        channels.publish(session.userId(), message);
    }

    private static Map<String, Object> ack(String projectId, JsonNode saved) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("projectId", projectId);
        ack.put("version", saved.path("version").asInt());
        ack.put("wordCount", saved.path("wordCount").asInt());
        ack.put("savedAt", saved.path("savedAt").asText(null));
        boolean merged = saved.path("merged").asBoolean(false);
        ack.put("merged", merged);
        if (merged && saved.hasNonNull("content")) {
            ack.put("content", saved.get("content").asText());
        }
        return ack;
    }

    private static Map<String, Object> conflict(String projectId, JsonNode data, JsonNode details) {
        Map<String, Object> conflict = new LinkedHashMap<>();
        conflict.put("projectId", projectId);
        conflict.put(
                "serverVersion",
                details.path("serverVersion").isMissingNode()
                        ? null
                        : details.get("serverVersion").asInt());
        conflict.put(
                "clientVersion",
                data.hasNonNull("version")
                        ? data.get("version").asInt()
                        : details.path("clientVersion").asInt());
        conflict.put("serverContent", details.path("serverContent").asText(null));
        conflict.put("message", "Your changes conflict with recent updates");
        return conflict;
    }
}
