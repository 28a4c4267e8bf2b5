package com.writerstree.platform.event;

import java.time.Instant;
import java.util.UUID;

/** Facts about projects, published by project-service on {@code project-events}, keyed by project id. */
public final class ProjectEvents {

    private ProjectEvents() {}

    public record ProjectCreated(
            UUID eventId, Instant occurredAt, UUID userId, UUID projectId, String title, int wordGoal, String status)
            implements DomainEvent {
        public static ProjectCreated of(UUID userId, UUID projectId, String title, int wordGoal, String status) {
            return new ProjectCreated(UUID.randomUUID(), Instant.now(), userId, projectId, title, wordGoal, status);
        }

        public Topic topic() {
            return Topic.PROJECT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }

    public record ProjectUpdated(
            UUID eventId, Instant occurredAt, UUID userId, UUID projectId, String title, int wordGoal, String status)
            implements DomainEvent {
        public static ProjectUpdated of(UUID userId, UUID projectId, String title, int wordGoal, String status) {
            return new ProjectUpdated(UUID.randomUUID(), Instant.now(), userId, projectId, title, wordGoal, status);
        }

        public Topic topic() {
            return Topic.PROJECT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }

    public record ProjectArchived(UUID eventId, Instant occurredAt, UUID userId, UUID projectId)
            implements DomainEvent {
        public static ProjectArchived of(UUID userId, UUID projectId) {
            return new ProjectArchived(UUID.randomUUID(), Instant.now(), userId, projectId);
        }

        public Topic topic() {
            return Topic.PROJECT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }

    public record ProjectRestored(UUID eventId, Instant occurredAt, UUID userId, UUID projectId, String status)
            implements DomainEvent {
        public static ProjectRestored of(UUID userId, UUID projectId, String status) {
            return new ProjectRestored(UUID.randomUUID(), Instant.now(), userId, projectId, status);
        }

        public Topic topic() {
            return Topic.PROJECT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }

    public record ProjectCompleted(UUID eventId, Instant occurredAt, UUID userId, UUID projectId, Instant completedAt)
            implements DomainEvent {
        public static ProjectCompleted of(UUID userId, UUID projectId, Instant completedAt) {
            return new ProjectCompleted(UUID.randomUUID(), Instant.now(), userId, projectId, completedAt);
        }

        public Topic topic() {
            return Topic.PROJECT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }

    public record ProjectDeleted(UUID eventId, Instant occurredAt, UUID userId, UUID projectId) implements DomainEvent {
        public static ProjectDeleted of(UUID userId, UUID projectId) {
            return new ProjectDeleted(UUID.randomUUID(), Instant.now(), userId, projectId);
        }

        public Topic topic() {
            return Topic.PROJECT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }
}
