package com.writerstree.export.domain.render.pdf;

import com.writerstree.export.domain.render.ManuscriptRenderer;
import com.writerstree.export.domain.render.TitlePage;
import com.writerstree.export.domain.render.model.Block;
import com.writerstree.export.domain.render.model.ExportStyle;
import com.writerstree.export.domain.render.model.Manuscript;
import com.writerstree.export.domain.render.model.ManuscriptMeta;
import com.writerstree.export.domain.render.model.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * A4 PDF with Liberation Serif 12 pt embedded (subset), 1-inch margins, page numbers and real, extractable text.
 * Book style: single-spaced, chapters on new pages, page numbers centred at the foot. Manuscript style (Shunn):
 * title page, double-spaced, half-inch first-line indents, chapters a third of the way down a new page, a
 * centred {@code #} for scene breaks, running header {@code Surname / Title / n}, {@code END}.
 *
 * <p>Pages are laid out one line at a time straight into the page content streams, which PDFBox keeps in a
 * temporary file: memory does not grow with the manuscript beyond the parsed blocks.
 */
public final class PdfRenderer implements ManuscriptRenderer {

    private final FontFiles fonts;

    public PdfRenderer() {
        this(FontFiles.classpath());
    }

    public PdfRenderer(FontFiles fonts) {
        this.fonts = fonts;
    }

    @Override
    public void render(Manuscript m, OutputStream out) throws IOException {
        boolean manuscript = m.style() == ExportStyle.MANUSCRIPT;
        ManuscriptMeta meta = m.meta();
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            info(doc, m);
            PageWriter pages = new PageWriter(doc, fonts, manuscript, meta);
            if (manuscript) {
                manuscriptTitlePage(pages, meta);
            } else if (m.includeMetadata()) {
                bookTitlePage(pages, meta);
            } else {
                pages.startPage(false);
                pages.gap(24);
                pages.paragraph(plain(meta.title()), 0, PageWriter.Align.CENTER, 24, 30, true);
                pages.gap(18);
            }
            for (Block block : m.blocks()) {
                if (block instanceof Block.Heading h) {
                    heading(pages, h, manuscript);
                } else if (block instanceof Block.Paragraph p) {
                    pages.ensurePage();
                    pages.paragraph(
                            p.spans(), manuscript ? 36 : 18, PageWriter.Align.LEFT, 12, manuscript ? 24 : 15, false);
                    if (!manuscript) {
                        pages.gap(4);
                    }
                } else {
                    pages.ensurePage();
                    pages.paragraph(
                            plain(manuscript ? "#" : "* * *"),
                            0,
                            PageWriter.Align.CENTER,
                            12,
                            manuscript ? 24 : 18,
                            false);
                }
            }
            if (manuscript) {
                pages.ensurePage();
                pages.gap(24);
                pages.paragraph(plain("END"), 0, PageWriter.Align.CENTER, 12, 24, false);
            }
            pages.finish();
            try {
                doc.save(out);
            } finally {
                pages.release();
            }
        }
    }

    private static void heading(PageWriter pages, Block.Heading h, boolean manuscript) throws IOException {
        if (h.level() == 1) {
            pages.startPage(false);
            pages.gap(manuscript ? pages.contentHeight() / 3 : 48);
            pages.paragraph(
                    h.spans(), 0, PageWriter.Align.CENTER, manuscript ? 12 : 18, manuscript ? 24 : 24, !manuscript);
            pages.gap(manuscript ? 0 : 18);
        } else {
            pages.ensurePage();
            pages.gap(manuscript ? 0 : 12);
            pages.paragraph(
                    h.spans(),
                    0,
                    manuscript ? PageWriter.Align.CENTER : PageWriter.Align.LEFT,
                    manuscript ? 12 : 14,
                    manuscript ? 24 : 20,
                    !manuscript);
            pages.gap(manuscript ? 0 : 6);
        }
    }

    private static void bookTitlePage(PageWriter pages, ManuscriptMeta meta) throws IOException {
        pages.startPage(true);
        pages.gap(pages.contentHeight() / 4);
        pages.paragraph(plain(meta.title()), 0, PageWriter.Align.CENTER, 28, 34, true);
        pages.gap(24);
        for (String line : TitlePage.details(meta)) {
            pages.paragraph(plain(line), 0, PageWriter.Align.CENTER, 12, 18, false);
        }
        pages.forceNewPage();
    }

    /** Shunn: contact block top left, word count top right, title and byline centred halfway down. */
    private static void manuscriptTitlePage(PageWriter pages, ManuscriptMeta meta) throws IOException {
        pages.startPage(true);
        pages.twoColumnLine(meta.authorOrAnonymous(), TitlePage.approximateWords(meta), 12, 14);
        if (meta.authorEmail() != null && !meta.authorEmail().isBlank()) {
            pages.paragraph(plain(meta.authorEmail()), 0, PageWriter.Align.LEFT, 12, 14, false);
        }
        pages.moveTo(pages.contentHeight() / 2);
        pages.paragraph(plain(meta.title()), 0, PageWriter.Align.CENTER, 12, 24, false);
        pages.paragraph(plain("by " + meta.authorOrAnonymous()), 0, PageWriter.Align.CENTER, 12, 24, false);
        pages.forceNewPage();
    }

    private static List<Span> plain(String s) {
        return List.of(new Span(s, false, false));
    }

    private static void info(PDDocument doc, Manuscript m) {
        ManuscriptMeta meta = m.meta();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(meta.title());
        info.setCreator("Writer's Tree");
        if (m.includeMetadata() || m.style() == ExportStyle.MANUSCRIPT) {
            info.setAuthor(meta.authorOrAnonymous());
        }
        if (m.includeMetadata()) {
            info.setSubject(TitlePage.summary(meta));
            info.setKeywords("words=" + meta.wordCount() + ", goal=" + meta.wordGoal());
        }
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(meta.exportedAt().toEpochMilli());
        info.setCreationDate(created);
        doc.getDocumentCatalog().setLanguage("en");
    }
}
