package com.writerstree.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The codec and registries with a topic of this test's own (the real topics are tested in contracts/*). */
public class EventCodecTest {

    private static final UUID USER = UUID.randomUUID();

    /** A topic as a contract module declares one: a sealed interface with the topic and key as defaults. */
    sealed interface ShelfEvent extends IntegrationEvent permits BookShelved, BookLent {
        @Override
        default String topic() {
            return "shelf-events";
        }

        @Override
        default String key() {
            return userId().toString();
        }
    }

    record BookShelved(UUID eventId, Instant occurredAt, UUID userId, String title, int pages) implements ShelfEvent {}

    record BookLent(UUID eventId, Instant occurredAt, UUID userId, String to) implements ShelfEvent {}

    /** Another topic with a type of the same simple name. */
    static final class Elsewhere {
        record BookLent(UUID eventId, Instant occurredAt, UUID userId) implements IntegrationEvent {
            @Override
            public String topic() {
                return "other-events";
            }

            @Override
            public String key() {
                return userId.toString();
            }
        }
    }

    /** Offered through src/test/resources/META-INF/services, as a contract module offers its topic. */
    public static final class ShelfContract implements EventContract {
        @Override
        public EventTypes types() {
            return EventTypes.of(ShelfEvent.class);
        }
    }

    private static final EventTypes SHELF = EventTypes.of(ShelfEvent.class);

    @Test
    void aRegistryHoldsTheTypesItsSealedTopicPermitsByWireName() {
        assertEquals(Set.of("BookShelved", "BookLent"), SHELF.names());
        assertEquals(BookLent.class, SHELF.find("BookLent").orElseThrow());
    }

    @Test
    void everyEventSurvivesTheWireWithItsType() {
        List<IntegrationEvent> events = List.of(
                new BookShelved(UUID.randomUUID(), Instant.parse("2026-12-01T10:00:00.5Z"), USER, "Emma", 474),
                new BookLent(UUID.randomUUID(), Instant.now(), USER, null));
        for (IntegrationEvent event : events) {
            String json = EventCodec.encode(event);
            assertTrue(json.contains("\"type\":\"" + event.type() + "\""), json);
            assertEquals(event, EventCodec.decode(json, SHELF).orElseThrow());
        }
    }

    @Test
    void fieldsTheRecordDoesNotKnowAreIgnored() {
        String newer = "{\"type\":\"BookShelved\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"occurredAt\":\"2026-12-01T10:00:00Z\",\"userId\":\"" + USER
                + "\",\"title\":\"Emma\",\"pages\":474,\"isbn\":\"978-0\",\"shelf\":{\"row\":3}}";
        BookShelved shelved = (BookShelved) EventCodec.decode(newer, SHELF).orElseThrow();
        assertEquals(474, shelved.pages());
    }

    @Test
    void typesTheRegistryDoesNotKnowAreSkippedNotFatal() {
        assertTrue(EventCodec.decode("{\"type\":\"SomethingNew\",\"eventId\":\"" + UUID.randomUUID() + "\"}", SHELF)
                .isEmpty());
        assertTrue(EventCodec.decode("{\"eventId\":\"" + UUID.randomUUID() + "\"}", SHELF)
                .isEmpty());
    }

    @Test
    void theClassPathRegistryHoldsWhatTheContractModulesOffer() {
        BookLent lent = new BookLent(UUID.randomUUID(), Instant.now(), USER, "Harriet");
        assertEquals(lent, EventCodec.decode(EventCodec.encode(lent)).orElseThrow());
        assertEquals("shelf-events", lent.topic());
        assertEquals(USER.toString(), lent.key());
    }

    @Test
    void twoTopicsWithOneWireNameAreAContractError() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> EventTypes.union(List.of(SHELF, EventTypes.of(Elsewhere.BookLent.class))));
        assertTrue(e.getMessage().contains("BookLent"), e.getMessage());
    }
}
