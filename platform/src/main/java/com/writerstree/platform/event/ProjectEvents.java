package com.writerstree.platform.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Facts about projects, published by project-service on {@code project-events}, keyed by project id. */
public final class ProjectEvents {

    private ProjectEvents() {}

    /**
     * {@code deadline} (optional, null when unset) is the local date the writer wants to finish by. It was added
     * within the topic's major version, so consumers must accept its absence.
     */
    public record ProjectCreated(
            UUID eventId,
            Instant occurredAt,
            UUID userId,
            UUID projectId,
            String title,
            int wordGoal,
            String status,
            LocalDate deadline)
            implements DomainEvent {

        /** The shape before {@code deadline}: kept so that existing callers compile unchanged. */
        public ProjectCreated(
                UUID eventId,
                Instant occurredAt,
                UUID userId,
                UUID projectId,
                String title,
                int wordGoal,
                String status) {
            this(eventId, occurredAt, userId, projectId, title, wordGoal, status, null);
        }

        public static ProjectCreated of(UUID userId, UUID projectId, String title, int wordGoal, String status) {
            return of(userId, projectId, title, wordGoal, status, null);
        }

        public static ProjectCreated of(
                UUID userId, UUID projectId, String title, int wordGoal, String status, LocalDate deadline) {
            return new ProjectCreated(
                    UUID.randomUUID(), Instant.now(), userId, projectId, title, wordGoal, status, deadline);
        }

        public Topic topic() {
            return Topic.PROJECT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }

    /**
     * {@code deadline} (optional, null when unset) is the local date the writer wants to finish by. It was added
     * within the topic's major version, so consumers must accept its absence.
     */
    public record ProjectUpdated(
            UUID eventId,
            Instant occurredAt,
            UUID userId,
            UUID projectId,
            String title,
            int wordGoal,
            String status,
            LocalDate deadline)
            implements DomainEvent {

        /** The shape before {@code deadline}: kept so that existing callers compile unchanged. */
        public ProjectUpdated(
                UUID eventId,
                Instant occurredAt,
                UUID userId,
                UUID projectId,
                String title,
                int wordGoal,
                String status) {
            this(eventId, occurredAt, userId, projectId, title, wordGoal, status, null);
        }

        public static ProjectUpdated of(UUID userId, UUID projectId, String title, int wordGoal, String status) {
            return of(userId, projectId, title, wordGoal, status, null);
        }

        public static ProjectUpdated of(
                UUID userId, UUID projectId, String title, int wordGoal, String status, LocalDate deadline) {
            return new ProjectUpdated(
                    UUID.randomUUID(), Instant.now(), userId, projectId, title, wordGoal, status, deadline);
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
