package com.writerstree.stats.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes the user out of an analytics event's data (a client sends any JSON object): every string value, and every
 * key, that contains the user's id or something shaped like an e-mail address is replaced by {@value #REMOVED}
 * (a key: the member is dropped). stats-service never learns the user's e-mail address, so it cannot look for that
 * one address: it removes any.
 */
public final class AnalyticsScrubber {

    public static final String REMOVED = "[removed]";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\"<>]+@[^\\s@\"<>]+\\.[^\\s@\"<>]+");

    private AnalyticsScrubber() {}

    /** The scrubbed JSON text of {@code json}; anything unreadable becomes an empty object. */
    public static String scrub(String json, UUID userId) {
        try {
            JsonNode node = JSON.readTree(json == null ? "{}" : json);
            return JSON.writeValueAsString(scrub(node, userId.toString().toLowerCase(Locale.ROOT)));
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static JsonNode scrub(JsonNode node, String userId) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return names(node.asText(), userId) ? TextNode.valueOf(REMOVED) : node;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(element -> out.add(scrub(element, userId)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!names(member.getKey(), userId)) {
                    out.set(member.getKey(), scrub(member.getValue(), userId));
                }
            }
            return out;
        }
        return node;
    }

    /** Whether {@code text} holds the user id (with or without its dashes) or an e-mail address. */
    private static boolean names(String text, String userId) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains(userId)
                || lower.contains(userId.replace("-", ""))
                || EMAIL.matcher(text).find();
    }
}
