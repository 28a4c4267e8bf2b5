package com.writerstree.export.api;

import com.writerstree.export.domain.render.ExportFormat;
import com.writerstree.export.domain.render.model.ExportStyle;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /projects/{id}/export} body (spec §4.5, plus {@code epub} and {@code style}). */
public record ExportRequest(
        @NotNull @Schema(enumeration = {"txt", "docx", "pdf", "epub"})
        ExportFormat format,

        @Schema(description = "title page and document properties", defaultValue = "false")
        Boolean includeMetadata,

        @Schema(
                enumeration = {"book", "manuscript"},
                defaultValue = "book")
        ExportStyle style) {}
