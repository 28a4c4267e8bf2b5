package com.writerstree.contracts.user.v1;

import static com.writerstree.platform.event.IntegrationEvent.newId;
import static com.writerstree.platform.event.IntegrationEvent.now;

import com.writerstree.platform.event.EventTypes;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Facts about accounts, published by identity-service on {@code user-events}, keyed by user id (contract version 1;
 * how to evolve it: docs/CONTRACTS.md).
 */
public final class UserEvents {

    /** The logical topic name (a deployment prefixes it: {@code writerstree.messaging.topic-prefix}). */
    public static final String TOPIC = "user-events";

    /** The event types of the topic, by wire name. */
    public static final EventTypes TYPES = EventTypes.of(UserEvent.class);

    private UserEvents() {}

    public record UserRegistered(UUID eventId, Instant occurredAt, UUID userId, String tier) implements UserEvent {
        public static UserRegistered of(UUID userId, String tier) {
            return new UserRegistered(newId(), now(), userId, tier);
        }
    }

    public record UserEmailVerified(UUID eventId, Instant occurredAt, UUID userId) implements UserEvent {
        public static UserEmailVerified of(UUID userId) {
            return new UserEmailVerified(newId(), now(), userId);
        }
    }

    /** The writer's time zone and preferences as they are now (the {@code /users/me} preferences object). */
    public record UserPreferencesChanged(
            UUID eventId, Instant occurredAt, UUID userId, String timezone, Map<String, Object> preferences)
            implements UserEvent {
        public static UserPreferencesChanged of(UUID userId, String timezone, Map<String, Object> preferences) {
            return new UserPreferencesChanged(newId(), now(), userId, timezone, preferences);
        }
    }

    /** The account was soft-deleted (grace period): no other service acts on it (docs/CONTRACTS.md). */
    public record UserDeletionRequested(UUID eventId, Instant occurredAt, UUID userId) implements UserEvent {
        public static UserDeletionRequested of(UUID userId) {
            return new UserDeletionRequested(newId(), now(), userId);
        }
    }

    /** The grace period ended: every service deletes everything of the user and records its purge receipt. */
    public record UserPurged(UUID eventId, Instant occurredAt, UUID userId) implements UserEvent {
        public static UserPurged of(UUID userId) {
            return new UserPurged(newId(), now(), userId);
        }
    }
}
