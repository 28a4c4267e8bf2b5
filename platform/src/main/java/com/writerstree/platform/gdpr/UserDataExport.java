package com.writerstree.platform.gdpr;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One service's part of a user's data export, the {@code data} of {@code GET /internal/users/{userId}/export}
 * (docs/CONTRACTS.md, "User data export and purge"). {@code parts} is the service's own JSON; {@code files} are
 * documents the export ZIP holds as they are (a manuscript as Markdown), absent when the service has none. An
 * unknown user gets empty parts, never a 404.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserDataExport(
        String service, UUID userId, Instant generatedAt, Map<String, Object> parts, List<ExportFile> files) {

    public UserDataExport {
        parts = parts == null ? Map.of() : parts;
        files = files == null || files.isEmpty() ? null : List.copyOf(files);
    }

    public static UserDataExport of(String service, UUID userId, Map<String, Object> parts) {
        return new UserDataExport(service, userId, Instant.now(), parts, null);
    }

    public static UserDataExport of(String service, UUID userId, Map<String, Object> parts, List<ExportFile> files) {
        return new UserDataExport(service, userId, Instant.now(), parts, files);
    }

    /** A document of the export: its path inside the ZIP, its media type and its text. */
    public record ExportFile(String path, String mediaType, String text) {

        public static final String MARKDOWN = "text/markdown";

        /** {@code manuscripts/<safe-title>-<id>.md}. */
        public static ExportFile manuscript(String title, UUID projectId, String text) {
            return new ExportFile("manuscripts/" + safeName(title) + "-" + projectId + ".md", MARKDOWN, text);
        }

        /**
         * A title made safe as a file name in any ZIP tool: letters and digits of any script, '-' and '_' kept,
         * every other run of characters one '-', at most 60 characters, "untitled" when nothing is left.
         */
        public static String safeName(String title) {
            String base = title == null ? "" : title.strip();
            String safe = base.replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
            if (safe.codePointCount(0, safe.length()) > 60) {
                safe = safe.substring(0, safe.offsetByCodePoints(0, 60)).replaceAll("-+$", "");
            }
            return safe.isEmpty() ? "untitled" : safe;
        }
    }
}
