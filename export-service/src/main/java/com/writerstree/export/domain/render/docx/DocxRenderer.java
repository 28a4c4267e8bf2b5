package com.writerstree.export.domain.render.docx;

import com.writerstree.export.domain.render.ManuscriptRenderer;
import com.writerstree.export.domain.render.TitlePage;
import com.writerstree.export.domain.render.Xml;
import com.writerstree.export.domain.render.model.Block;
import com.writerstree.export.domain.render.model.ExportStyle;
import com.writerstree.export.domain.render.model.Manuscript;
import com.writerstree.export.domain.render.model.ManuscriptMeta;
import com.writerstree.export.domain.render.model.Span;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * WordprocessingML written straight into the zip, one paragraph at a time: no document tree is built, so memory
 * stays flat however long the manuscript is (POI's XWPF would hold the whole DOM). The result uses real Word
 * styles (Title, Heading1, Heading2, Normal), bold/italic runs, a page break before each chapter, A4 with
 * 1-inch margins, page numbers, and the document properties. Apache POI reads it back in the tests.
 */
public final class DocxRenderer implements ManuscriptRenderer {

    private static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String FONT = "Times New Roman";
    // A4 in twentieths of a point, 1-inch margins
    private static final String PAGE = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\""
            + " w:footer=\"720\" w:gutter=\"0\"/>";

    @Override
    public void render(Manuscript m, OutputStream out) throws IOException {
        boolean manuscript = m.style() == ExportStyle.MANUSCRIPT;
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);

        part(zip, w, "[Content_Types].xml", contentTypes());
        part(zip, w, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
                </Relationships>""");
        part(zip, w, "word/_rels/document.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
                <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
                </Relationships>""");
        part(zip, w, "word/styles.xml", styles(manuscript));
        part(
                zip,
                w,
                "word/settings.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<w:settings xmlns:w=\"" + W_NS + "\"><w:defaultTabStop w:val=\"720\"/>"
                        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
                        + "</w:settings>");
        part(zip, w, "word/header1.xml", header(m.meta(), manuscript));
        part(zip, w, "word/footer1.xml", footer(manuscript));
        part(zip, w, "docProps/core.xml", core(m));
        part(
                zip,
                w,
                "docProps/app.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                        + "<Application>Writer's Tree</Application><Words>"
                        + m.meta().wordCount() + "</Words></Properties>");

        zip.putNextEntry(new ZipEntry("word/document.xml"));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        w.write("<w:document xmlns:w=\"" + W_NS + "\" xmlns:r=\"" + R_NS + "\"><w:body>");
        body(m, manuscript, w);
        w.write("</w:body></w:document>");
        w.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static void body(Manuscript m, boolean manuscript, Writer w) throws IOException {
        ManuscriptMeta meta = m.meta();
        if (manuscript) {
            manuscriptTitlePage(meta, w);
        } else {
            paragraph(w, "Title", null, List.of(new Span(meta.title(), false, false)));
            if (m.includeMetadata()) {
                for (String line : TitlePage.details(meta)) {
                    paragraph(w, "Subtitle", null, List.of(new Span(line, false, false)));
                }
            }
        }
        for (Block block : m.blocks()) {
            if (block instanceof Block.Heading h) {
                paragraph(
                        w,
                        h.level() == 1 ? "Heading1" : "Heading2",
                        h.level() == 1 ? "<w:pageBreakBefore w:val=\"true\"/>" : null,
                        h.spans());
            } else if (block instanceof Block.Paragraph p) {
                paragraph(w, "Normal", null, p.spans());
            } else {
                paragraph(w, "SceneBreak", null, List.of(new Span(manuscript ? "#" : "* * *", false, false)));
            }
        }
        if (manuscript) {
            paragraph(w, "SceneBreak", null, List.of(new Span("END", false, false)));
        }
        // the final section: text pages, running header (manuscript) or page-number footer (book), numbered from 1
        w.write("<w:sectPr>");
        if (manuscript) {
            w.write("<w:headerReference w:type=\"default\" r:id=\"rId3\"/>");
        } else {
            w.write("<w:footerReference w:type=\"default\" r:id=\"rId4\"/>");
        }
        w.write(PAGE);
        w.write("<w:pgNumType w:start=\"1\"/></w:sectPr>");
    }

    /** Shunn: name and e-mail top left, word count top right, title and byline halfway down; its own section. */
    private static void manuscriptTitlePage(ManuscriptMeta meta, Writer w) throws IOException {
        w.write(
                "<w:p><w:pPr><w:pStyle w:val=\"Contact\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"9026\"/></w:tabs></w:pPr>");
        run(w, new Span(meta.authorOrAnonymous(), false, false));
        w.write("<w:r><w:tab/></w:r>");
        run(w, new Span(TitlePage.approximateWords(meta), false, false));
        w.write("</w:p>");
        if (meta.authorEmail() != null && !meta.authorEmail().isBlank()) {
            paragraph(w, "Contact", null, List.of(new Span(meta.authorEmail(), false, false)));
        }
        paragraph(w, "Title", "<w:spacing w:before=\"5040\"/>", List.of(new Span(meta.title(), false, false)));
        paragraph(w, "Subtitle", null, List.of(new Span("by " + meta.authorOrAnonymous(), false, false)));
        // the section break that ends the title page: no header on it, the text starts on page 1
        w.write("<w:p><w:pPr><w:sectPr>" + PAGE + "</w:sectPr></w:pPr></w:p>");
    }

    private static void paragraph(Writer w, String style, String extraPPr, List<Span> spans) throws IOException {
        w.write("<w:p><w:pPr><w:pStyle w:val=\"");
        w.write(style);
        w.write("\"/>");
        if (extraPPr != null) {
            w.write(extraPPr);
        }
        w.write("</w:pPr>");
        for (Span s : spans) {
            if (s.isLineBreak()) {
                w.write("<w:r><w:br/></w:r>");
            } else {
                run(w, s);
            }
        }
        w.write("</w:p>");
    }

    private static void run(Writer w, Span s) throws IOException {
        w.write("<w:r>");
        if (s.bold() || s.italic()) {
            w.write("<w:rPr>");
            if (s.bold()) w.write("<w:b/>");
            if (s.italic()) w.write("<w:i/>");
            w.write("</w:rPr>");
        }
        String text = s.text();
        int start = 0;
        int tab;
        while ((tab = text.indexOf('\t', start)) >= 0) {
            text(w, text.substring(start, tab));
            w.write("<w:tab/>");
            start = tab + 1;
        }
        text(w, text.substring(start));
        w.write("</w:r>");
    }

    private static void text(Writer w, String t) throws IOException {
        if (t.isEmpty()) return;
        w.write("<w:t xml:space=\"preserve\">");
        Xml.escape(w, t);
        w.write("</w:t>");
    }

    private static String styles(boolean manuscript) {
        // manuscript: everything 12 pt, double-spaced (line 480 = 2 x 240), first-line indent half an inch
        String normalPPr = manuscript
                ? "<w:spacing w:after=\"0\" w:line=\"480\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"720\"/>"
                : "<w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"360\"/>";
        String h1 = manuscript
                ? style(
                        "Heading1",
                        "heading 1",
                        "<w:keepNext/><w:spacing w:before=\"2880\" w:after=\"0\" w:line=\"480\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                        "<w:sz w:val=\"24\"/>")
                : style(
                        "Heading1",
                        "heading 1",
                        "<w:keepNext/><w:spacing w:before=\"480\" w:after=\"240\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                        "<w:b/><w:sz w:val=\"36\"/>");
        String h2 = manuscript
                ? style(
                        "Heading2",
                        "heading 2",
                        "<w:keepNext/><w:spacing w:after=\"0\" w:line=\"480\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"1\"/>",
                        "<w:sz w:val=\"24\"/>")
                : style(
                        "Heading2",
                        "heading 2",
                        "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:ind w:firstLine=\"0\"/><w:outlineLvl w:val=\"1\"/>",
                        "<w:b/><w:sz w:val=\"28\"/>");
        String title = manuscript
                ? style(
                        "Title",
                        "Title",
                        "<w:spacing w:after=\"0\" w:line=\"480\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                        "<w:sz w:val=\"24\"/>")
                : style(
                        "Title",
                        "Title",
                        "<w:spacing w:before=\"2400\" w:after=\"480\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                        "<w:b/><w:sz w:val=\"56\"/>");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles xmlns:w=\"" + W_NS + "\">"
                + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + FONT + "\" w:hAnsi=\"" + FONT
                + "\" w:eastAsia=\"" + FONT + "\" w:cs=\"" + FONT + "\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"
                + "<w:lang w:val=\"en-US\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>"
                + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
                + "<w:pPr>" + normalPPr + "</w:pPr></w:style>"
                + title
                + style(
                        "Subtitle",
                        "Subtitle",
                        "<w:spacing w:after=\"120\"" + (manuscript ? " w:line=\"480\" w:lineRule=\"auto\"" : "")
                                + "/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                        "<w:sz w:val=\"24\"/>")
                + h1 + h2
                + style("SceneBreak", "Scene Break", "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", "")
                + style(
                        "Contact",
                        "Contact",
                        "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>",
                        "")
                + style("Header", "header", "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"right\"/>", "")
                + style("Footer", "footer", "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>", "")
                + "</w:styles>";
    }

    private static String style(String id, String name, String pPr, String rPr) {
        return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
                + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>" + pPr + "</w:pPr>"
                + "<w:rPr>" + rPr + "</w:rPr></w:style>";
    }

    private static String header(ManuscriptMeta meta, boolean manuscript) {
        String content = manuscript
                ? "<w:r><w:t xml:space=\"preserve\">" + Xml.escape(meta.surname() + " / " + meta.title() + " / ")
                        + "</w:t></w:r>" + pageField()
                : "";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr xmlns:w=\"" + W_NS
                + "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>" + content + "</w:p></w:hdr>";
    }

    private static String footer(boolean manuscript) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:ftr xmlns:w=\"" + W_NS
                + "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>" + (manuscript ? "" : pageField())
                + "</w:p></w:ftr>";
    }

    private static String pageField() {
        return "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    }

    private static String core(Manuscript m) {
        ManuscriptMeta meta = m.meta();
        String created = DateTimeFormatter.ISO_INSTANT.format(meta.exportedAt().truncatedTo(ChronoUnit.SECONDS));
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        sb.append("<dc:title>").append(Xml.escape(meta.title())).append("</dc:title>");
        if (m.includeMetadata() || m.style() == ExportStyle.MANUSCRIPT) {
            sb.append("<dc:creator>")
                    .append(Xml.escape(meta.authorOrAnonymous()))
                    .append("</dc:creator>");
        }
        if (m.includeMetadata()) {
            sb.append("<dc:description>")
                    .append(Xml.escape(TitlePage.summary(meta)))
                    .append("</dc:description>");
        }
        sb.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
                .append(created)
                .append("</dcterms:created>");
        sb.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">")
                .append(created)
                .append("</dcterms:modified>");
        sb.append("</cp:coreProperties>");
        return sb.toString();
    }

    private static String contentTypes() {
        String ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"" + ct + "document.main+xml\"/>"
                + "<Override PartName=\"/word/styles.xml\" ContentType=\"" + ct + "styles+xml\"/>"
                + "<Override PartName=\"/word/settings.xml\" ContentType=\"" + ct + "settings+xml\"/>"
                + "<Override PartName=\"/word/header1.xml\" ContentType=\"" + ct + "header+xml\"/>"
                + "<Override PartName=\"/word/footer1.xml\" ContentType=\"" + ct + "footer+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
                + "</Types>";
    }

    private static void part(ZipOutputStream zip, Writer w, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write(content);
        w.flush();
        zip.closeEntry();
    }
}
