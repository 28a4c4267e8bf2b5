package com.writerstree.export.domain.render;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.WriterReportImpl;
import com.writerstree.export.domain.render.markdown.MarkdownReader;
import com.writerstree.export.domain.render.model.Block;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Independent readers of the exported files (POI, PDFBox, the W3C epubcheck) for the tests. */
public final class Readers {

    private Readers() {}

    public static XWPFDocument docx(byte[] file) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(file));
    }

    public static PDDocument pdf(byte[] file) throws IOException {
        return Loader.loadPDF(file);
    }

    /** The PDF's extracted text as words, without the lines that are only a page number. */
    public static List<String> pdfWords(byte[] file) throws IOException {
        try (PDDocument doc = pdf(file)) {
            String text = new PDFTextStripper().getText(doc);
            List<String> words = new ArrayList<>();
            for (String line : text.split("\\R")) {
                if (line.strip().matches("\\d+")) {
                    continue;
                }
                words.addAll(words(line));
            }
            return words;
        }
    }

    /** The words a reader sees in a manuscript: its blocks' text without markup, headings included. */
    public static List<String> manuscriptWords(String title, String markdown) {
        List<String> words = new ArrayList<>(words(title));
        for (Block b : MarkdownReader.read(markdown)) {
            if (b instanceof Block.Heading h) {
                words.addAll(words(h.plainText()));
            } else if (b instanceof Block.Paragraph p) {
                words.addAll(words(p.plainText()));
            }
        }
        return words;
    }

    /** Whitespace-separated tokens that contain a letter or digit (scene-break stars are not words). */
    public static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s\\u00A0]+"))
                .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
    }

    /** epubcheck's errors and fatal errors; empty when the book is valid. */
    public static String epubErrors(byte[] file) throws IOException {
        Path tmp = Files.createTempFile("check-", ".epub");
        try {
            Files.write(tmp, file);
            StringWriter out = new StringWriter();
            WriterReportImpl report = new WriterReportImpl(new PrintWriter(out), "export");
            new EpubCheck(tmp.toFile(), report).doValidate();
            return report.getErrorCount() + report.getFatalErrorCount() == 0 ? "" : out.toString();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
