package com.writerstree.export.domain.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.export.domain.render.markdown.MarkdownReader;
import com.writerstree.export.domain.render.model.ExportStyle;
import com.writerstree.export.domain.render.model.Manuscript;
import com.writerstree.export.domain.render.model.ManuscriptMeta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/** Every format, rendered without Quarkus and read back with an independent reader. */
class RenderFormatsTest {

    static final String TEXT = """
            Before the first chapter, a *prologue* line.

            # Chapter One

            It was a **bold** start and an *italic* middle, with ***both*** at the end.
            A second line of the same paragraph — “curly quotes”, ‘single’ and an en–dash.

            ## A Section

            Café, naïve, Ærøskøbing; Привет мир; Καλημέρα.

            ***

            After the break: 2 * 3 * 4 stays as written, \\*not italic\\*.

            # Chapter Two

            The end of the story.
            """;

    static final ManuscriptMeta META = new ManuscriptMeta(
            "The Long Winter",
            "Ada Quill Lovelace",
            "ada@example.com",
            61,
            50_000,
            0.1,
            Instant.parse("2026-01-25T15:00:00Z"),
            "6f1b7a39-46a8-4b5c-9a35-5b7f1c6b2a10");

    static byte[] render(ExportFormat format, String text, ExportStyle style, boolean metadata) throws IOException {
        Manuscript m = new Manuscript(text, MarkdownReader.read(text), META, style, metadata);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ManuscriptRenderer.of(format).render(m, out);
        return out.toByteArray();
    }

    @Test
    void txtIsTheTextByteForByte() throws IOException {
        assertArrayEquals(
                TEXT.getBytes(StandardCharsets.UTF_8), render(ExportFormat.TXT, TEXT, ExportStyle.BOOK, false));
        String withMeta = new String(render(ExportFormat.TXT, TEXT, ExportStyle.BOOK, true), StandardCharsets.UTF_8);
        assertTrue(withMeta.startsWith("The Long Winter\nby Ada Quill Lovelace\n61 words\n"), withMeta);
        assertTrue(withMeta.endsWith(TEXT));
    }

    @Test
    void docxHasWordStylesRunsPageBreaksAndProperties() throws IOException {
        try (XWPFDocument doc = Readers.docx(render(ExportFormat.DOCX, TEXT, ExportStyle.BOOK, true))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            assertEquals("Title", ps.get(0).getStyle());
            assertEquals("The Long Winter", ps.get(0).getText());
            List<XWPFParagraph> h1 =
                    ps.stream().filter(p -> "Heading1".equals(p.getStyle())).toList();
            assertEquals(
                    List.of("Chapter One", "Chapter Two"),
                    h1.stream().map(XWPFParagraph::getText).toList());
            assertTrue(h1.stream().allMatch(XWPFParagraph::isPageBreak), "a page break before each chapter");
            assertEquals(
                    List.of("A Section"),
                    ps.stream()
                            .filter(p -> "Heading2".equals(p.getStyle()))
                            .map(XWPFParagraph::getText)
                            .toList());
            assertEquals("heading 1", doc.getStyles().getStyle("Heading1").getName());
            assertEquals("Normal", doc.getStyles().getStyle("Normal").getName());

            XWPFParagraph body = ps.stream()
                    .filter(p -> p.getText().startsWith("It was a"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("Normal", body.getStyle());
            XWPFRun bold = run(body, "bold");
            assertTrue(bold.isBold() && !bold.isItalic());
            XWPFRun italic = run(body, "italic");
            assertTrue(italic.isItalic() && !italic.isBold());
            XWPFRun both = run(body, "both");
            assertTrue(both.isItalic() && both.isBold());
            assertTrue(body.getText().contains("“curly quotes”, ‘single’ and an en–dash."));
            assertTrue(ps.stream().anyMatch(p -> p.getText().equals("Café, naïve, Ærøskøbing; Привет мир; Καλημέρα.")));
            assertTrue(ps.stream()
                    .anyMatch(p -> p.getText().equals("After the break: 2 * 3 * 4 stays as written, *not italic*.")));

            assertEquals(
                    "The Long Winter", doc.getProperties().getCoreProperties().getTitle());
            assertEquals(
                    "Ada Quill Lovelace",
                    doc.getProperties().getCoreProperties().getCreator());
            assertTrue(doc.getProperties().getCoreProperties().getDescription().contains("Goal: 50,000 words"));
            var pgSz = doc.getDocument().getBody().getSectPr().getPgSz();
            assertEquals("11906", pgSz.getW().toString());
            assertEquals("16838", pgSz.getH().toString());
        }
    }

    @Test
    void docxManuscriptFollowsShunn() throws IOException {
        try (XWPFDocument doc = Readers.docx(render(ExportFormat.DOCX, TEXT, ExportStyle.MANUSCRIPT, false))) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            assertTrue(
                    ps.get(0).getText().startsWith("Ada Quill Lovelace\tabout 100 words"),
                    ps.get(0).getText());
            assertEquals("ada@example.com", ps.get(1).getText());
            assertEquals("The Long Winter", ps.get(2).getText());
            assertEquals("by Ada Quill Lovelace", ps.get(3).getText());
            assertTrue(ps.stream()
                    .anyMatch(p ->
                            "SceneBreak".equals(p.getStyle()) && p.getText().equals("#")));
            assertEquals("END", ps.get(ps.size() - 1).getText());
            String header = doc.getHeaderList().get(0).getText();
            assertTrue(header.startsWith("Lovelace / The Long Winter / "), header);
            // double spacing: line 480 (twentieths of a point) in Normal
            assertTrue(doc.getStyles()
                    .getStyle("Normal")
                    .getCTStyle()
                    .getPPr()
                    .getSpacing()
                    .getLine()
                    .toString()
                    .equals("480"));
        }
    }

    @Test
    void pdfIsA4WithTheEmbeddedFontAndTheWordsInOrder() throws IOException {
        byte[] pdf = render(ExportFormat.PDF, TEXT, ExportStyle.BOOK, false);
        try (PDDocument doc = Readers.pdf(pdf)) {
            for (PDPage page : doc.getPages()) {
                assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.01);
                assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.01);
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().contains("LiberationSerif"), font.getName());
                }
            }
            assertEquals(3, doc.getNumberOfPages(), "title + chapter one, chapter two on a new page");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("“curly quotes”, ‘single’ and an en–dash."), text);
            assertTrue(text.contains("Café, naïve, Ærøskøbing; Привет мир; Καλημέρα."), text);
        }
        assertEquals(Readers.manuscriptWords("The Long Winter", TEXT), Readers.pdfWords(pdf));
    }

    @Test
    void pdfManuscriptHasTitlePageRunningHeaderAndEnd() throws IOException {
        byte[] pdf = render(ExportFormat.PDF, TEXT, ExportStyle.MANUSCRIPT, true);
        try (PDDocument doc = Readers.pdf(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String title = stripper.getText(doc);
            assertTrue(
                    title.contains("Ada Quill Lovelace")
                            && title.contains("about 100 words")
                            && title.contains("ada@example.com"),
                    title);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertTrue(stripper.getText(doc).contains("Lovelace / The Long Winter / 1"));
            stripper.setStartPage(doc.getNumberOfPages());
            stripper.setEndPage(doc.getNumberOfPages());
            String last = stripper.getText(doc);
            assertTrue(last.contains("END") && last.contains("The end of the story."), last);
            assertEquals("Ada Quill Lovelace", doc.getDocumentInformation().getAuthor());
        }
    }

    @Test
    void epubIsValidWithChaptersInTheContents() throws IOException {
        for (boolean metadata : new boolean[] {false, true}) {
            byte[] epub = render(ExportFormat.EPUB, TEXT, ExportStyle.BOOK, metadata);
            assertEquals("", Readers.epubErrors(epub));
            String nav = Zip.entry(epub, "OEBPS/nav.xhtml");
            assertTrue(
                    nav.contains(">Chapter One</a>")
                            && nav.contains(">Chapter Two</a>")
                            && nav.contains(">A Section</a>"),
                    nav);
        }
    }

    @Test
    void anEmptyProjectGivesValidEmptyFiles() throws IOException {
        assertEquals(0, render(ExportFormat.TXT, "", ExportStyle.BOOK, false).length);
        assertEquals("", Readers.epubErrors(render(ExportFormat.EPUB, "", ExportStyle.BOOK, false)));
        try (XWPFDocument doc = Readers.docx(render(ExportFormat.DOCX, "", ExportStyle.MANUSCRIPT, true))) {
            assertEquals(
                    "END",
                    doc.getParagraphs().get(doc.getParagraphs().size() - 1).getText());
        }
        try (PDDocument doc = Readers.pdf(render(ExportFormat.PDF, "", ExportStyle.BOOK, false))) {
            assertEquals(1, doc.getNumberOfPages());
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text) {
        return p.getRuns().stream()
                .filter(r -> text.equals(r.text()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no run '" + text + "' in "
                        + p.getRuns().stream().map(XWPFRun::text).collect(Collectors.joining("|"))));
    }
}
