package com.writerstree.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wire format of events: the record's fields as JSON plus {@code "type"}. Decoding an event type this
 * build does not know yields empty, so producers can add events before every consumer knows them.
 */
public final class EventCodec {

    /**
     * Kafka record header holding {@link DomainEvent#userId()} (the relay of platform-messaging sets it): a consumer
     * interested in some users only reads it and skips the other records without decoding them.
     */
    public static final String USER_ID_HEADER = "wt-user-id";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<? extends DomainEvent>> TYPES = Arrays.stream(
                    DomainEvent.class.getPermittedSubclasses())
            .map(c -> c.asSubclass(DomainEvent.class))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCodec() {}

    public static String encode(DomainEvent event) {
        ObjectNode node = MAPPER.valueToTree(event);
        node.put("type", event.type());
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event cannot be encoded: " + event.type(), e);
        }
    }

    public static Optional<DomainEvent> decode(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            Class<? extends DomainEvent> type = TYPES.get(node.path("type").asText());
            if (type == null) {
                return Optional.empty();
            }
            return Optional.of(MAPPER.treeToValue(node, type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Malformed event", e);
        }
    }
}
