package com.writerstree.project.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContentVersionTest {

    private static final Instant T = Instant.parse("2026-12-01T04:00:00Z");

    @Test
    void keepsTheNewestVersionOfEachProjectWhateverTheOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        ContentVersion a3 = new ContentVersion(a, 3, 300, T);
        ContentVersion a5 = new ContentVersion(a, 5, 500, T.plusSeconds(5));
        ContentVersion a4 = new ContentVersion(a, 4, 400, T.plusSeconds(4));
        ContentVersion b1 = new ContentVersion(b, 1, 100, T);
        ContentVersion b2 = new ContentVersion(b, 2, 200, T);

        assertEquals(List.of(a5, b2), ContentVersion.newestPerProject(List.of(a3, b2, a5, b1, a4, a5)));
        assertEquals(List.of(), ContentVersion.newestPerProject(List.of()));
    }

    @Test
    void ofTwoAnnouncementsOfOneVersionTheFirstIsKept() {
        UUID a = UUID.randomUUID();
        ContentVersion first = new ContentVersion(a, 2, 200, T);
        ContentVersion again = new ContentVersion(a, 2, 999, T.plusSeconds(1));

        assertEquals(List.of(first), ContentVersion.newestPerProject(List.of(first, again)));
    }
}
