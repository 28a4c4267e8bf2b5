package com.writerstree.platform.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Facts about exports, published by export-service on {@code export-events}, keyed by project id (stats-service
 * records them as analytics). They carry the format and size, never the file or the text.
 */
public final class ExportEvents {

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
            implements DomainEvent {
        public static ContentExported of(
                UUID userId, UUID projectId, UUID exportId, String format, String style, long fileSize, int wordCount) {
            return new ContentExported(
                    UUID.randomUUID(), Instant.now(), userId, projectId, exportId, format, style, fileSize, wordCount);
        }

        public Topic topic() {
            return Topic.EXPORT_EVENTS;
        }

        public String key() {
            return projectId.toString();
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
            implements DomainEvent {
        public static TreeExported of(
                UUID userId, UUID projectId, UUID exportId, String format, int width, int height, long fileSize) {
            return new TreeExported(
                    UUID.randomUUID(), Instant.now(), userId, projectId, exportId, format, width, height, fileSize);
        }

        public Topic topic() {
            return Topic.EXPORT_EVENTS;
        }

        public String key() {
            return projectId.toString();
        }
    }
}
