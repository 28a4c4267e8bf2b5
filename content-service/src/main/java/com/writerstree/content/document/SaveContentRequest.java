package com.writerstree.content.document;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Body of {@code PUT /projects/{id}/content} (spec §4.4). {@code wordCount} and {@code cursorPosition} are the
 * client's hints (the server counts words itself); {@code version} is the version the client's text is based
 * on: when given and no longer current, the save is a conflict.
 */
public record SaveContentRequest(
        @NotNull(message = "is required") String content,
        Integer wordCount,
        Integer cursorPosition,
        @PositiveOrZero Integer version) {
}
