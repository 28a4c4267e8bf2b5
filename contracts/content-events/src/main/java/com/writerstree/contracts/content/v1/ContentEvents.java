package com.writerstree.contracts.content.v1;

import static com.writerstree.platform.event.IntegrationEvent.newId;
import static com.writerstree.platform.event.IntegrationEvent.now;

import com.writerstree.platform.event.EventTypes;
import java.time.Instant;
import java.util.UUID;

/**
 * Facts about manuscripts, published by content-service on {@code content-events}, keyed by project id (contract
 * version 1; how to evolve it: docs/CONTRACTS.md). They carry counts and versions, never the text: a consumer that
 * needs the text asks content-service.
 */
public final class ContentEvents {

    /** The logical topic name (a deployment prefixes it: {@code writerstree.messaging.topic-prefix}). */
    public static final String TOPIC = "content-events";

    /** The event types of the topic, by wire name. */
    public static final EventTypes TYPES = EventTypes.of(ContentEvent.class);

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
            implements ContentEvent {
        public static ContentSaved of(
                UUID userId,
                UUID projectId,
                int version,
                int wordCount,
                int wordDelta,
                Instant savedAt,
                String origin) {
            return new ContentSaved(newId(), now(), userId, projectId, version, wordCount, wordDelta, savedAt, origin);
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
            implements ContentEvent {
        public static VersionRestored of(
                UUID userId,
                UUID projectId,
                int version,
                int restoredFromVersion,
                int wordCount,
                int wordDelta,
                Instant savedAt) {
            return new VersionRestored(
                    newId(), now(), userId, projectId, version, restoredFromVersion, wordCount, wordDelta, savedAt);
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
            implements ContentEvent {
        public static MilestoneReached of(
                UUID userId, UUID projectId, String milestone, int wordCount, int wordGoal, Instant achievedAt) {
            return new MilestoneReached(newId(), now(), userId, projectId, milestone, wordCount, wordGoal, achievedAt);
        }
    }
}
