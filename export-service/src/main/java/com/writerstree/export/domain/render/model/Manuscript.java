package com.writerstree.export.domain.render.model;

import java.util.List;

/**
 * Everything a renderer needs: the writer's text exactly as saved, its one structural reading, the metadata,
 * and the chosen style.
 */
public record Manuscript(
        String text, List<Block> blocks, ManuscriptMeta meta, ExportStyle style, boolean includeMetadata) {}
