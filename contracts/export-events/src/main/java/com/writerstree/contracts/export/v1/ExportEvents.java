package com.writerstree.contracts.export.v1;

import static com.writerstree.platform.event.IntegrationEvent.newId;
import static com.writerstree.platform.event.IntegrationEvent.now;

import com.writerstree.platform.event.EventTypes;
import java.time.Instant;
import java.util.UUID;

/**
 * Facts about exports, published by export-service on {@code export-events}, keyed by project id (stats-service
 * records them as analytics; contract version 1, how to evolve it: docs/CONTRACTS.md). They carry the format and
 * size, never the file or the text.
 */
public final class ExportEvents {

    /** The logical topic name (a deployment prefixes it: {@code writerstree.messaging.topic-prefix}). */
    public static final String TOPIC = "export-events";

    /** The event types of the topic, by wire name. */
    public static final EventTypes TYPES = EventTypes.of(ExportEvent.class);

    private ExportEvents() {}

    /** A manuscript was exported. {@code format} is txt|docx|pdf|epub, {@code style} book|manuscript. */
    public record ContentExported(
            UUID eventId,
            Instant occurredAt,
            UUID userId,
            UUID projectId,
            UUID exportId,
            String format,
            String style,
            long fileSize,
            int wordCount)
            implements ExportEvent {
        public static ContentExported of(
                UUID userId, UUID projectId, UUID exportId, String format, String style, long fileSize, int wordCount) {
            return new ContentExported(newId(), now(), userId, projectId, exportId, format, style, fileSize, wordCount);
        }
    }

    /** The writer's tree was exported as an image. {@code format} is png|svg. */
    public record TreeExported(
            UUID eventId,
            Instant occurredAt,
            UUID userId,
            UUID projectId,
            UUID exportId,
            String format,
            int width,
            int height,
            long fileSize)
            implements ExportEvent {
        public static TreeExported of(
                UUID userId, UUID projectId, UUID exportId, String format, int width, int height, long fileSize) {
            return new TreeExported(newId(), now(), userId, projectId, exportId, format, width, height, fileSize);
        }
    }
}
