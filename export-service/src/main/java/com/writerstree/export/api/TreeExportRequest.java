package com.writerstree.export.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /projects/{id}/export-tree} body (spec §4.5). Sizes in pixels, 64-4096. */
public record TreeExportRequest(
        @NotNull @Pattern(regexp = "png|svg", message = "must be png or svg") @Schema(enumeration = {"png", "svg"})
        String format,

        @Min(64) @Max(4096) @Schema(defaultValue = "1920") Integer width,
        @Min(64) @Max(4096) @Schema(defaultValue = "1080") Integer height,
        @Schema(defaultValue = "false") Boolean transparent) {}
