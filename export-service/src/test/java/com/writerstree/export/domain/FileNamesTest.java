package com.writerstree.export.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void titlesBecomeSafeReadableNames() {
        assertEquals(
                "Frankenstein-or-the-Modern-Prometheus", FileNames.safe("Frankenstein: or, the Modern Prometheus"));
        assertEquals("Cafe-naive", FileNames.safe("Café naïve"));
        assertEquals("export", FileNames.safe("../../"));
        assertEquals("export", FileNames.safe("Привет"));
        assertEquals(80, FileNames.safe("x".repeat(200)).length());
        assertEquals(
                "attachment; filename=\"Cafe.pdf\"; filename*=UTF-8''Caf%C3%A9.pdf",
                FileNames.disposition("Café", "pdf"));
    }
}
