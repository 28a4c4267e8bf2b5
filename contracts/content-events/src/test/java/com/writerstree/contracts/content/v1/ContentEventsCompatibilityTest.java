package com.writerstree.contracts.content.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.RecordedEventsCompatibility;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** content-events v1 against the events recorded from earlier releases (src/test/resources/recorded). */
class ContentEventsCompatibilityTest extends RecordedEventsCompatibility {

    ContentEventsCompatibilityTest() {
        super(ContentEvents.TOPIC, ContentEvents.TYPES, "projectId");
    }

    /**
     * The example of docs/CONTRACTS.md: a content-service of a later 1.x release adds an optional field to
     * ContentSaved ({@code cursorPosition}) and is deployed alone; a consumer built with this release reads its
     * events with every value it knows.
     */
    @Test
    void aContentSavedWithAnOptionalFieldAddedByALaterReleaseIsReadByThisOne() {
        String later = """
                {"eventId":"0b6f3c1e-5d2a-4f7b-9c8e-1a2b3c4d5e6f","occurredAt":"2026-12-15T09:00:00Z",\
                "userId":"7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d","projectId":"3f2e1d0c-9b8a-4765-8432-10fedcba9876",\
                "version":44,"wordCount":12900,"wordDelta":53,"savedAt":"2026-12-15T08:59:59Z","origin":null,\
                "cursorPosition":80211,"type":"ContentSaved"}""";
        ContentEvents.ContentSaved saved = (ContentEvents.ContentSaved)
                EventCodec.decode(later, ContentEvents.TYPES).orElseThrow();
        assertEquals(44, saved.version());
        assertEquals(12900, saved.wordCount());
        assertEquals(53, saved.wordDelta());
        assertEquals(Instant.parse("2026-12-15T08:59:59Z"), saved.savedAt());
    }
}
