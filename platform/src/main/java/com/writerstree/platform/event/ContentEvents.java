package com.writerstree.platform.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Facts about manuscripts, published by content-service on {@code content-events}, keyed by project id. They
 * carry counts and versions, never the text: a consumer that needs the text asks content-service.
 */
public final class ContentEvents {

    private ContentEvents() {}

    /**
     * A new version of a project's content was stored. {@code origin} identifies the device connection that
     * sent it (null for REST saves), so the gateway does not echo a save back to its sender.
     */
    public record ContentSaved(
            UUID eventId,
            Instant occurredAt,
            UUID userId,
            UUID projectId,
            int version,
            int wordCount,
            int wordDelta,
            Instant savedAt,
            String origin)
            implements DomainEvent {
        public static ContentSaved of(
                UUID userId,
                UUID projectId,
                int version,
                int wordCount,
                int wordDelta,
                Instant savedAt,
                String origin) {
            return new ContentSaved(
                    UUID.randomUUID(),
                    Instant.now(),
                    userId,
                    projectId,
                    version,
                    wordCount,
                    wordDelta,
                    savedAt,
                    origin);
        }

        public Topic topic() {
            return Topic.CONTENT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }

    public record VersionRestored(
            UUID eventId,
            Instant occurredAt,
            UUID userId,
            UUID projectId,
            int version,
            int restoredFromVersion,
            int wordCount,
            int wordDelta,
            Instant savedAt)
            implements DomainEvent {
        public static VersionRestored of(
                UUID userId,
                UUID projectId,
                int version,
                int restoredFromVersion,
                int wordCount,
                int wordDelta,
                Instant savedAt) {
            return new VersionRestored(
                    UUID.randomUUID(),
                    Instant.now(),
                    userId,
                    projectId,
                    version,
                    restoredFromVersion,
                    wordCount,
                    wordDelta,
                    savedAt);
        }

        public Topic topic() {
            return Topic.CONTENT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }

    /** {@code milestone} is one of {@code 25_percent}, {@code 50_percent}, {@code 75_percent}, {@code 100_percent}. */
    public record MilestoneReached(
            UUID eventId,
            Instant occurredAt,
            UUID userId,
            UUID projectId,
            String milestone,
            int wordCount,
            int wordGoal,
            Instant achievedAt)
            implements DomainEvent {
        public static MilestoneReached of(
                UUID userId, UUID projectId, String milestone, int wordCount, int wordGoal, Instant achievedAt) {
            return new MilestoneReached(
                    UUID.randomUUID(), Instant.now(), userId, projectId, milestone, wordCount, wordGoal, achievedAt);
        }

        public Topic topic() {
            return Topic.CONTENT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }
}
