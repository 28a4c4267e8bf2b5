package com.writerstree.export.domain.render.epub;

import com.writerstree.export.domain.render.ManuscriptRenderer;
import com.writerstree.export.domain.render.TitlePage;
import com.writerstree.export.domain.render.Xml;
import com.writerstree.export.domain.render.model.Block;
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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * EPUB 3: one XHTML file per chapter ({@code #} heading; text before the first heading is a chapter named after
 * the book), written into the zip as it is read, then the package document and the navigation document that
 * lists every chapter (and section). Valid for the W3C epubcheck (checked in the tests). Style does not apply:
 * reading systems lay the text out themselves.
 */
public final class EpubRenderer implements ManuscriptRenderer {

    private static final String MIMETYPE = "application/epub+zip";

    private record TocEntry(String file, String anchor, String title, int level) {}

    @Override
    public void render(Manuscript m, OutputStream out) throws IOException {
        ManuscriptMeta meta = m.meta();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);

        // the mimetype entry comes first and uncompressed (OCF)
        byte[] mimetype = MIMETYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry mt = new ZipEntry("mimetype");
        mt.setMethod(ZipEntry.STORED);
        mt.setSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        mt.setCrc(crc.getValue());
        zip.putNextEntry(mt);
        zip.write(mimetype);
        zip.closeEntry();

        part(zip, w, "META-INF/container.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """);
        part(zip, w, "OEBPS/style.css", """
                body { font-family: "Times New Roman", "Liberation Serif", serif; line-height: 1.4; }
                h1 { text-align: center; margin: 2em 0 1em; page-break-before: always; }
                h2 { margin: 1.5em 0 0.5em; }
                p { margin: 0; text-indent: 1.5em; }
                p.first, h1 + p, h2 + p, hr + p { text-indent: 0; }
                hr.scene { border: none; margin: 1em 0; text-align: center; }
                hr.scene::after { content: "* * *"; }
                .title { text-align: center; margin-top: 30%; }
                .details { text-align: center; text-indent: 0; }
                """);

        List<String> files = new ArrayList<>();
        List<TocEntry> toc = new ArrayList<>();
        if (m.includeMetadata()) {
            files.add("title.xhtml");
            zip.putNextEntry(new ZipEntry("OEBPS/title.xhtml"));
            open(w, meta.title());
            w.write("<section epub:type=\"titlepage\"><h1 class=\"title\">");
            Xml.escape(w, meta.title());
            w.write("</h1>");
            for (String line : TitlePage.details(meta)) {
                w.write("<p class=\"details\">");
                Xml.escape(w, line);
                w.write("</p>");
            }
            close(w);
            zip.closeEntry();
            toc.add(new TocEntry("title.xhtml", null, meta.title(), 1));
        }

        String file = null;
        int anchors = 0;
        for (Block block : m.blocks()) {
            if (block instanceof Block.Heading h && h.level() == 1) {
                if (file != null) {
                    endChapter(zip, w);
                }
                file = "chapter-" + (files.size() + 1) + ".xhtml";
                files.add(file);
                zip.putNextEntry(new ZipEntry("OEBPS/" + file));
                String title = h.plainText();
                open(w, title);
                w.write("<section epub:type=\"chapter\"><h1>");
                spans(w, h.spans());
                w.write("</h1>");
                toc.add(new TocEntry(file, null, title, 1));
                continue;
            }
            if (file == null) {
                file = "chapter-" + (files.size() + 1) + ".xhtml";
                files.add(file);
                zip.putNextEntry(new ZipEntry("OEBPS/" + file));
                open(w, meta.title());
                w.write("<section epub:type=\"chapter\">");
                toc.add(new TocEntry(file, null, meta.title(), 1));
            }
            if (block instanceof Block.Heading h) {
                String anchor = "s" + (++anchors);
                w.write("<h2 id=\"" + anchor + "\">");
                spans(w, h.spans());
                w.write("</h2>");
                toc.add(new TocEntry(file, anchor, h.plainText(), 2));
            } else if (block instanceof Block.Paragraph p) {
                w.write("<p>");
                spans(w, p.spans());
                w.write("</p>\n");
            } else {
                w.write("<hr class=\"scene\"/>\n");
            }
        }
        if (file == null) {
            // an empty project still gives a valid book: one chapter with the title
            file = "chapter-1.xhtml";
            files.add(file);
            zip.putNextEntry(new ZipEntry("OEBPS/" + file));
            open(w, meta.title());
            w.write("<section epub:type=\"chapter\"><h1>");
            Xml.escape(w, meta.title());
            w.write("</h1>");
            toc.add(new TocEntry(file, null, meta.title(), 1));
        }
        endChapter(zip, w);

        part(zip, w, "OEBPS/nav.xhtml", nav(meta, toc));
        part(zip, w, "OEBPS/content.opf", opf(m, files));
        w.flush();
        zip.finish();
    }

    private static void endChapter(ZipOutputStream zip, Writer w) throws IOException {
        close(w);
        zip.closeEntry();
    }

    private static void open(Writer w, String title) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
                + " xml:lang=\"en\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>");
        Xml.escape(w, title.isBlank() ? "Untitled" : title);
        w.write("</title><link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/></head><body>\n");
    }

    private static void close(Writer w) throws IOException {
        w.write("</section></body></html>\n");
        w.flush();
    }

    private static void spans(Writer w, List<Span> spans) throws IOException {
        for (Span s : spans) {
            if (s.isLineBreak()) {
                w.write("<br/>");
                continue;
            }
            if (s.bold()) w.write("<strong>");
            if (s.italic()) w.write("<em>");
            Xml.escape(w, s.text());
            if (s.italic()) w.write("</em>");
            if (s.bold()) w.write("</strong>");
        }
    }

    private static String nav(ManuscriptMeta meta, List<TocEntry> toc) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
                + " xml:lang=\"en\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>Contents</title></head><body>"
                + "<nav epub:type=\"toc\" id=\"toc\"><h1>Contents</h1><ol>");
        boolean openSub = false;
        boolean openItem = false;
        for (TocEntry e : toc) {
            String href = e.file() + (e.anchor() == null ? "" : "#" + e.anchor());
            String label = Xml.escape(e.title().isBlank() ? "Untitled" : e.title());
            if (e.level() == 1) {
                if (openSub) sb.append("</ol>");
                if (openItem) sb.append("</li>");
                openSub = false;
                sb.append("<li><a href=\"")
                        .append(href)
                        .append("\">")
                        .append(label)
                        .append("</a>");
                openItem = true;
            } else {
                if (!openSub) sb.append("<ol>");
                openSub = true;
                sb.append("<li><a href=\"")
                        .append(href)
                        .append("\">")
                        .append(label)
                        .append("</a></li>");
            }
        }
        if (openSub) sb.append("</ol>");
        if (openItem) sb.append("</li>");
        sb.append("</ol></nav></body></html>\n");
        return sb.toString();
    }

    private static String opf(Manuscript m, List<String> files) {
        ManuscriptMeta meta = m.meta();
        String modified = DateTimeFormatter.ISO_INSTANT.format(meta.exportedAt().truncatedTo(ChronoUnit.SECONDS));
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" xml:lang=\"en\">"
                + "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
        sb.append("<dc:identifier id=\"book-id\">urn:uuid:")
                .append(meta.identifier())
                .append("</dc:identifier>");
        sb.append("<dc:title>")
                .append(Xml.escape(meta.title().isBlank() ? "Untitled" : meta.title()))
                .append("</dc:title>");
        sb.append("<dc:language>en</dc:language>");
        if (m.includeMetadata()) {
            sb.append("<dc:creator>")
                    .append(Xml.escape(meta.authorOrAnonymous()))
                    .append("</dc:creator>");
            sb.append("<dc:description>")
                    .append(Xml.escape(TitlePage.summary(meta)))
                    .append("</dc:description>");
        }
        sb.append("<meta property=\"dcterms:modified\">").append(modified).append("</meta>");
        sb.append("</metadata><manifest>");
        sb.append("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>");
        sb.append("<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>");
        for (int i = 0; i < files.size(); i++) {
            sb.append("<item id=\"f")
                    .append(i)
                    .append("\" href=\"")
                    .append(files.get(i))
                    .append("\" media-type=\"application/xhtml+xml\"/>");
        }
        sb.append("</manifest><spine>");
        for (int i = 0; i < files.size(); i++) {
            sb.append("<itemref idref=\"f").append(i).append("\"/>");
        }
        sb.append("</spine></package>\n");
        return sb.toString();
    }

    private static void part(ZipOutputStream zip, Writer w, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write(content);
        w.flush();
        zip.closeEntry();
    }
}
