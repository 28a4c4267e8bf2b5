package com.writerstree.content.api;

import com.writerstree.content.domain.merge.TextPatch;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * Body of {@code PUT /projects/{id}/content} (spec §4.4). Exactly one of {@code content} (the full text) and
 * {@code patch} (a delta against the text of {@code version}, see {@link TextPatch}) is sent. {@code wordCount}
 * and {@code cursorPosition} are the client's hints (the server counts words itself); {@code version} is the
 * version the client's text is based on: when given and no longer current, the save is three-way merged or
 * refused as a conflict. A patch needs a {@code version}.
 */
public record SaveContentRequest(
        String content,
        List<TextPatch.Op> patch,
        Integer wordCount,
        Integer cursorPosition,
        @PositiveOrZero Integer version) {}
