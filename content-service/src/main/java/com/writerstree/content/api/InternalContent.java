package com.writerstree.content.api;

import java.time.Instant;
import java.util.UUID;

/** What another service may read of a project's manuscript ({@code GET /internal/projects/{id}/content}). */
public record InternalContent(
        UUID projectId, UUID userId, String text, int version, int wordCount, Instant lastSavedAt) {}
