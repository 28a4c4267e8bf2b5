package com.writerstree.content.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ApiException;

/** Optional body of {@code POST /projects/{id}/versions}: a label (at most 200 characters) kept in metadata. */
public record SnapshotRequest(String label) {

    public static final int MAX_LABEL = 200;

    /** An absent or empty body is no label; anything else must be a JSON object with an optional string label. */
    static SnapshotRequest parse(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return new SnapshotRequest(null);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.validation("body", "Malformed JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.validation("body", "must be a JSON object");
        }
        JsonNode label = node.get("label");
        if (label == null || label.isNull()) {
            return new SnapshotRequest(null);
        }
        if (!label.isTextual()) {
            throw ApiException.validation("label", "must be a string");
        }
        if (label.asText().length() > MAX_LABEL) {
            throw ApiException.validation("label", "must be at most " + MAX_LABEL + " characters");
        }
        return new SnapshotRequest(label.asText());
    }
}
