package com.writerstree.content.api;

import java.time.Instant;
import java.util.List;

/** {@code data} of {@code GET /projects/{id}/content}: the current text and the milestones for the current goal. */
public record ContentView(Text content, List<MilestoneView> milestones) {

    /** {@code {"text":"","version":0,"wordCount":0,"lastSavedAt":null}} for a project never saved. */
    public record Text(String text, int version, int wordCount, Instant lastSavedAt) {
        public static final Text EMPTY = new Text("", 0, 0, null);
    }
}
