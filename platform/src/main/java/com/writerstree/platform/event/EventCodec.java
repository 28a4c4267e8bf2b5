package com.writerstree.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;

/**
 * The wire format of events: the record's fields as JSON plus {@code "type"} (its wire name). Decoding reads the
 * type from a registry ({@link EventTypes}): a type the registry does not know yields empty, so producers can add
 * events before every consumer knows them; fields the record does not know are ignored, so producers can add
 * optional fields to an event within a major version (docs/CONTRACTS.md).
 */
public final class EventCodec {

    /**
     * Kafka record header holding {@link IntegrationEvent#userId()} (the relay of platform-messaging sets it): a
     * consumer interested in some users only reads it and skips the other records without decoding them.
     */
    public static final String USER_ID_HEADER = "wt-user-id";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {}

    public static String encode(IntegrationEvent event) {
        ObjectNode node = MAPPER.valueToTree(event);
        node.put("type", event.type());
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event cannot be encoded: " + event.type(), e);
        }
    }

    /** Decodes with the types of every contract module on the class path ({@link EventTypes#onClassPath()}). */
    public static Optional<IntegrationEvent> decode(String json) {
        return decode(json, EventTypes.onClassPath());
    }

    /** Decodes with {@code types}; empty when the event's type is not one of them. */
    public static Optional<IntegrationEvent> decode(String json, EventTypes types) {
        try {
            JsonNode node = MAPPER.readTree(json);
            Optional<Class<? extends IntegrationEvent>> type =
                    types.find(node.path("type").asText());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(MAPPER.treeToValue(node, type.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed event", e);
        }
    }
}
