package com.writerstree.gateway.domain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The wire format of {@code /ws/sync}: {@code {"event": "...", "data": {...}}} (pure, tested in SyncMessagesTest). */
public final class SyncMessages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SyncMessages() {}

    /** An incoming message: its event name and data object (never null; {@code {}} when absent). */
    public record Incoming(String event, JsonNode data) {}

    /** Parses a frame; empty when it is not a JSON object with a string {@code event} and an object/absent data. */
    public static Optional<Incoming> parse(String frame) {
        try {
            JsonNode node = MAPPER.readTree(frame);
            if (node == null || !node.isObject() || !node.path("event").isTextual()) {
                return Optional.empty();
            }
            JsonNode data = node.get("data");
            if (data == null || data.isNull()) {
                data = MAPPER.createObjectNode();
            }
            if (!data.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new Incoming(node.get("event").asText(), data));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public static String encode(String event, Object data) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("event", event);
        node.set("data", MAPPER.valueToTree(data));
        return node.toString();
    }

    public static String error(String code, String message, String requestId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("message", message);
        data.put("requestId", requestId);
        return encode("error", data);
    }

    /** A text field, or null when absent / not text. */
    public static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** An integral field, or null when absent / not an integer. */
    public static Integer integer(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : null;
    }

    /** A project id must look like a UUID (it goes into a path). */
    public static boolean isProjectId(String s) {
        return s != null && s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The {@code sync:update} data for a stored content object {text, version, wordCount, lastSavedAt}. */
    public static Map<String, Object> update(String projectId, JsonNode stored) {
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
}
