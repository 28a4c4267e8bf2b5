package com.writerstree.platform.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration event: an immutable fact, named in the past tense, that one service publishes on one topic. Every
 * event carries its id (consumers deduplicate on it), when it happened, and whose data it concerns. Word counts
 * travel as numbers; manuscript text never travels on Kafka.
 *
 * <p>Not sealed: the events of a topic live in the contract module of the service that publishes them
 * ({@code contracts/<topic>}, package {@code com.writerstree.contracts.<topic>.v<major>}), so a new or changed event
 * rebuilds that module and the services that read it, never this one. How to evolve an event: docs/CONTRACTS.md.
 */
public interface IntegrationEvent {

    UUID eventId();

    Instant occurredAt();

    UUID userId();

    /** The logical name of the topic this event goes to (a deployment prefixes it). */
    String topic();

    /** The partition key: events with one key are delivered in order. */
    String key();

    /**
     * The wire name of the event type ({@code "type"} in the JSON): the record's simple name, as {@link EventTypes}
     * names it (not to be overridden).
     */
    default String type() {
        return getClass().getSimpleName();
    }

    /** The id of a new event (the records' factories: {@code new ContentSaved(newId(), now(), ...)}). */
    static UUID newId() {
        return UUID.randomUUID();
    }

    /** When a new event happened. */
    static Instant now() {
        return Instant.now();
    }
}
