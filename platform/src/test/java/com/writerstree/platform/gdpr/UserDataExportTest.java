package com.writerstree.platform.gdpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.writerstree.platform.gdpr.UserDataExport.ExportFile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserDataExportTest {

    @Test
    void titlesBecomeSafeFileNames() {
        assertEquals("My-Novel", ExportFile.safeName("  My Novel  "));
        assertEquals("a-b-c", ExportFile.safeName("a/../b\\c"));
        assertEquals("Été-à-Kyōto-東京", ExportFile.safeName("Été à Kyōto: 東京!"));
        assertEquals("untitled", ExportFile.safeName("../"));
        assertEquals("untitled", ExportFile.safeName(null));
        assertEquals(60, ExportFile.safeName("x".repeat(200)).length());
    }

    @Test
    void manuscriptPathCarriesTheProjectId() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        ExportFile file = ExportFile.manuscript("The Book", id, "text");
        assertEquals("manuscripts/The-Book-" + id + ".md", file.path());
        assertEquals("text/markdown", file.mediaType());
    }

    @Test
    void noFilesMeansTheFieldIsAbsent() {
        assertNull(
                UserDataExport.of("s", UUID.randomUUID(), Map.of(), List.of()).files());
        assertEquals(Map.of(), new UserDataExport("s", UUID.randomUUID(), null, null, null).parts());
    }
}
