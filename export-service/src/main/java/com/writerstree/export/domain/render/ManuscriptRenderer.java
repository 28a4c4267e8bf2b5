package com.writerstree.export.domain.render;

import com.writerstree.export.domain.render.model.Manuscript;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a manuscript as one file format, streaming into {@code out} (which it does not close). */
public interface ManuscriptRenderer {

    void render(Manuscript manuscript, OutputStream out) throws IOException;

    static ManuscriptRenderer of(ExportFormat format) {
        return switch (format) {
            case TXT -> new com.writerstree.export.domain.render.txt.TxtRenderer();
            case DOCX -> new com.writerstree.export.domain.render.docx.DocxRenderer();
            case PDF -> new com.writerstree.export.domain.render.pdf.PdfRenderer();
            case EPUB -> new com.writerstree.export.domain.render.epub.EpubRenderer();
        };
    }
}
