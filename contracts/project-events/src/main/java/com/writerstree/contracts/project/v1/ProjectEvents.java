package com.writerstree.contracts.project.v1;

import static com.writerstree.platform.event.IntegrationEvent.newId;
import static com.writerstree.platform.event.IntegrationEvent.now;

import com.writerstree.platform.event.EventTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Facts about projects, published by project-service on {@code project-events}, keyed by project id (contract
 * version 1; how to evolve it: docs/CONTRACTS.md).
 */
public final class ProjectEvents {

    /** The logical topic name (a deployment prefixes it: {@code writerstree.messaging.topic-prefix}). */
    public static final String TOPIC = "project-events";

    /** The event types of the topic, by wire name. */
    public static final EventTypes TYPES = EventTypes.of(ProjectEvent.class);

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
            implements ProjectEvent {

        /** Without a deadline (the shape before {@code deadline}). */
        public static ProjectCreated of(UUID userId, UUID projectId, String title, int wordGoal, String status) {
            return of(userId, projectId, title, wordGoal, status, null);
        }

        public static ProjectCreated of(
                UUID userId, UUID projectId, String title, int wordGoal, String status, LocalDate deadline) {
            return new ProjectCreated(newId(), now(), userId, projectId, title, wordGoal, status, deadline);
        }
    }

    /**
     * The title, goal, status or deadline of a project changed; carries all four as they are now. {@code deadline}:
     * as in {@link ProjectCreated}.
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
            implements ProjectEvent {

        public static ProjectUpdated of(
                UUID userId, UUID projectId, String title, int wordGoal, String status, LocalDate deadline) {
            return new ProjectUpdated(newId(), now(), userId, projectId, title, wordGoal, status, deadline);
        }
    }

    public record ProjectArchived(UUID eventId, Instant occurredAt, UUID userId, UUID projectId)
            implements ProjectEvent {
        public static ProjectArchived of(UUID userId, UUID projectId) {
            return new ProjectArchived(newId(), now(), userId, projectId);
        }
    }

    public record ProjectRestored(UUID eventId, Instant occurredAt, UUID userId, UUID projectId, String status)
            implements ProjectEvent {
        public static ProjectRestored of(UUID userId, UUID projectId, String status) {
            return new ProjectRestored(newId(), now(), userId, projectId, status);
        }
    }

    public record ProjectCompleted(UUID eventId, Instant occurredAt, UUID userId, UUID projectId, Instant completedAt)
            implements ProjectEvent {
        public static ProjectCompleted of(UUID userId, UUID projectId, Instant completedAt) {
            return new ProjectCompleted(newId(), now(), userId, projectId, completedAt);
        }
    }

    /** The project was deleted for good (confirmed permanent delete): consumers drop what they hold of it. */
    public record ProjectDeleted(UUID eventId, Instant occurredAt, UUID userId, UUID projectId)
            implements ProjectEvent {
        public static ProjectDeleted of(UUID userId, UUID projectId) {
            return new ProjectDeleted(newId(), now(), userId, projectId);
        }
    }
}
