package com.writerstree.platform.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration event: an immutable fact, named in the past tense. Every event carries its id (consumers
 * deduplicate on it), when it happened, and whose data it concerns. Word counts travel as numbers; manuscript
 * text never travels on Kafka.
 */
public sealed interface DomainEvent
        permits UserEvents.UserRegistered,
                UserEvents.UserEmailVerified,
                UserEvents.UserPreferencesChanged,
                UserEvents.UserDeletionRequested,
                UserEvents.UserPurged,
                ProjectEvents.ProjectCreated,
                ProjectEvents.ProjectUpdated,
                ProjectEvents.ProjectArchived,
                ProjectEvents.ProjectRestored,
                ProjectEvents.ProjectCompleted,
                ProjectEvents.ProjectDeleted,
                ContentEvents.ContentSaved,
                ContentEvents.VersionRestored,
                ContentEvents.MilestoneReached,
                ExportEvents.ContentExported,
                ExportEvents.TreeExported {

    UUID eventId();

    Instant occurredAt();

    UUID userId();

    /** The topic this event goes to. */
    Topic topic();

    /** The partition key: events with one key are delivered in order. */
    String key();

    default String type() {
        return getClass().getSimpleName();
    }
}
