package com.writerstree.platform.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Facts about accounts, published by identity-service on {@code user-events}, keyed by user id. */
public final class UserEvents {

    private UserEvents() {}

    public record UserRegistered(UUID eventId, Instant occurredAt, UUID userId, String tier) implements DomainEvent {
        public static UserRegistered of(UUID userId, String tier) {
            return new UserRegistered(UUID.randomUUID(), Instant.now(), userId, tier);
        }

        public Topic topic() {
            return Topic.USER_EVENTS;
        }

        public String key() {
            return userId.toString();
        }
    }

    public record UserEmailVerified(UUID eventId, Instant occurredAt, UUID userId) implements DomainEvent {
        public static UserEmailVerified of(UUID userId) {
            return new UserEmailVerified(UUID.randomUUID(), Instant.now(), userId);
        }

        public Topic topic() {
            return Topic.USER_EVENTS;
        }

        public String key() {
            return userId.toString();
        }
    }

    public record UserPreferencesChanged(
            UUID eventId, Instant occurredAt, UUID userId, String timezone, Map<String, Object> preferences)
            implements DomainEvent {
        public static UserPreferencesChanged of(UUID userId, String timezone, Map<String, Object> preferences) {
            return new UserPreferencesChanged(UUID.randomUUID(), Instant.now(), userId, timezone, preferences);
        }

        public Topic topic() {
            return Topic.USER_EVENTS;
        }

        public String key() {
            return userId.toString();
        }
    }

    public record UserDeletionRequested(UUID eventId, Instant occurredAt, UUID userId) implements DomainEvent {
        public static UserDeletionRequested of(UUID userId) {
            return new UserDeletionRequested(UUID.randomUUID(), Instant.now(), userId);
        }

        public Topic topic() {
            return Topic.USER_EVENTS;
        }

        public String key() {
            return userId.toString();
        }
    }

    public record UserPurged(UUID eventId, Instant occurredAt, UUID userId) implements DomainEvent {
        public static UserPurged of(UUID userId) {
            return new UserPurged(UUID.randomUUID(), Instant.now(), userId);
        }

        public Topic topic() {
            return Topic.USER_EVENTS;
        }

        public String key() {
            return userId.toString();
        }
    }
}
