package com.writerstree.export.domain.render.pdf;

import com.writerstree.export.domain.render.model.ManuscriptMeta;
import com.writerstree.export.domain.render.model.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out lines of text on A4 pages: greedy line filling (ragged right, no hyphenation, so every word stays
 * whole and in order for text extraction), page breaks, running header or page-number footer.
 */
final class PageWriter {

    enum Align {
        LEFT,
        CENTER
    }

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 72; // one inch
    private static final float TEXT_WIDTH = WIDTH - 2 * MARGIN;

    private final PDDocument doc;
    private final FontFiles files;
    private final boolean manuscript;
    private final ManuscriptMeta meta;
    private final PDType0Font[] faces = new PDType0Font[4];
    private final List<TrueTypeFont> fontFiles = new ArrayList<>(4);
    private final float[][] widths = new float[4][];
    private final List<Map<Integer, Float>> wideWidths =
            List.of(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());

    private PDPageContentStream cs;
    private float y;
    private boolean pageEmpty;
    private int pageNumber;
    private int currentFace = -1;
    private float currentSize;

    PageWriter(PDDocument doc, FontFiles files, boolean manuscript, ManuscriptMeta meta) {
        this.doc = doc;
        this.files = files;
        this.manuscript = manuscript;
        this.meta = meta;
    }

    float contentHeight() {
        return HEIGHT - 2 * MARGIN;
    }

    /** A new page, unless the current one is still empty; title pages are not numbered. */
    void startPage(boolean unnumbered) throws IOException {
        if (cs != null && pageEmpty) {
            y = HEIGHT - MARGIN;
            return;
        }
        closePage();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        currentFace = -1;
        y = HEIGHT - MARGIN;
        pageEmpty = true;
        if (!unnumbered) {
            pageNumber++;
            decorate();
        }
    }

    void ensurePage() throws IOException {
        if (cs == null) {
            startPage(false);
        }
    }

    /** Ends the current page: whatever comes next starts on a new one. */
    void forceNewPage() throws IOException {
        closePage();
    }

    void gap(float points) {
        y -= points;
    }

    void moveTo(float fromTop) {
        y = HEIGHT - MARGIN - fromTop;
    }

    /** Releases the parsed font files; after the document was saved (subsetting reads them). */
    void release() throws IOException {
        for (TrueTypeFont ttf : fontFiles) {
            ttf.close();
        }
        fontFiles.clear();
    }

    void finish() throws IOException {
        if (cs == null && doc.getNumberOfPages() == 0) {
            startPage(false);
        }
        closePage();
    }

    private void closePage() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    private void decorate() throws IOException {
        if (manuscript) {
            String header = meta.surname() + " / " + meta.title() + " / " + pageNumber;
            List<Word> words = words(List.of(new Span(header, false, false)), false);
            float w = lineWidth(words, 12);
            drawLine(words, WIDTH - MARGIN - Math.min(w, TEXT_WIDTH), HEIGHT - 36, 12);
        } else {
            List<Word> words = words(List.of(new Span(String.valueOf(pageNumber), false, false)), false);
            drawLine(words, (WIDTH - lineWidth(words, 12)) / 2, 36, 12);
        }
    }

    /** A left part and a right-aligned part on one line (Shunn's title page). */
    void twoColumnLine(String left, String right, float size, float leading) throws IOException {
        nextLine(leading);
        List<Word> l = words(List.of(new Span(left, false, false)), false);
        List<Word> r = words(List.of(new Span(right, false, false)), false);
        drawLine(l, MARGIN, y, size);
        drawLine(r, WIDTH - MARGIN - lineWidth(r, size), y, size);
    }

    /** Fills lines with {@code spans}' words; {@code indent} applies to the first line. */
    void paragraph(List<Span> spans, float indent, Align align, float size, float leading, boolean bold)
            throws IOException {
        List<Word> words = words(spans, bold);
        List<Word> line = new ArrayList<>();
        float lineWidth = 0;
        boolean firstLine = true;
        float space = width(0, ' ') * size / 1000;
        for (Word word : words) {
            if (word == Word.BREAK) {
                emit(line, firstLine ? indent : 0, align, size, leading);
                line.clear();
                lineWidth = 0;
                firstLine = false;
                continue;
            }
            float available = TEXT_WIDTH - (firstLine ? indent : 0);
            float w = word.width * size / 1000;
            float added = line.isEmpty() ? w : space + w;
            if (!line.isEmpty() && lineWidth + added > available) {
                emit(line, firstLine ? indent : 0, align, size, leading);
                line.clear();
                firstLine = false;
                lineWidth = 0;
                added = w;
            }
            line.add(word);
            lineWidth += added;
        }
        if (!line.isEmpty() || words.isEmpty()) {
            emit(line, firstLine ? indent : 0, align, size, leading);
        }
    }

    private void emit(List<Word> line, float indent, Align align, float size, float leading) throws IOException {
        nextLine(leading);
        float w = lineWidth(line, size);
        float x = align == Align.CENTER ? MARGIN + Math.max(0, (TEXT_WIDTH - w) / 2) : MARGIN + indent;
        drawLine(line, x, y, size);
    }

    private void nextLine(float leading) throws IOException {
        ensurePage();
        if (y - leading < MARGIN) {
            startPage(false);
        }
        y -= leading;
        pageEmpty = false;
    }

    private void drawLine(List<Word> line, float x, float baseline, float size) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.newLineAtOffset(x, baseline);
        boolean first = true;
        for (Word word : line) {
            for (int i = 0; i < word.texts.size(); i++) {
                int face = word.faces.get(i);
                if (face != currentFace || size != currentSize) {
                    cs.setFont(face(face), size);
                    currentFace = face;
                    currentSize = size;
                }
                String text = word.texts.get(i);
                cs.showText(first || i > 0 ? text : " " + text);
                first = false;
            }
        }
        cs.endText();
    }

    private float lineWidth(List<Word> line, float size) {
        float w = 0;
        for (int i = 0; i < line.size(); i++) {
            w += line.get(i).width + (i > 0 ? width(0, ' ') : 0);
        }
        return w * size / 1000;
    }

    /** Splits spans into words (whitespace separates them); a word may carry several styles. */
    private List<Word> words(List<Span> spans, boolean bold) {
        List<Word> words = new ArrayList<>();
        Word current = null;
        for (Span span : spans) {
            if (span.isLineBreak()) {
                if (current != null) current.flush();
                current = null;
                words.add(Word.BREAK);
                continue;
            }
            int face = ((bold || span.bold()) ? 1 : 0) + (span.italic() ? 2 : 0);
            String t = span.text();
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    if (current != null) current.flush();
                    current = null;
                    continue;
                }
                int type = Character.getType(cp);
                if (type == Character.CONTROL || type == Character.FORMAT) {
                    continue;
                }
                float w = width(face, cp);
                if (w < 0) {
                    // no glyph in Liberation Serif (e.g. CJK): a visible placeholder rather than a broken file
                    cp = '?';
                    w = width(face, cp);
                }
                if (current == null) {
                    current = new Word();
                    words.add(current);
                }
                current.append(cp, face, w);
            }
        }
        if (current != null) current.flush();
        return words;
    }

    /** Glyph width in font units (1/1000 em); -1 when the face has no glyph for {@code cp}. */
    private float width(int face, int cp) {
        float[] table = widths[face];
        if (cp < 0x10000 && table != null && !Float.isNaN(table[cp])) {
            return table[cp];
        }
        if (cp >= 0x10000) {
            Float cached = wideWidths.get(face).get(cp);
            if (cached != null) {
                return cached;
            }
        }
        float w;
        try {
            w = face(face).getStringWidth(new String(Character.toChars(cp)));
        } catch (IllegalArgumentException | IOException e) {
            w = -1;
        }
        if (cp < 0x10000) {
            if (table == null) {
                table = new float[0x10000];
                Arrays.fill(table, Float.NaN);
                widths[face] = table;
            }
            table[cp] = w;
        } else {
            wideWidths.get(face).put(cp, w);
        }
        return w;
    }

    private PDType0Font face(int face) {
        if (faces[face] == null) {
            FontFiles.Face file = FontFiles.Face.values()[face];
            try {
                // GSUB (ligatures, contextual forms) off: it costs seconds per book in PDFBox's showText, Latin,
                // Greek and Cyrillic prose does not need it, and extracted text keeps "fi" as two letters
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(files.bytes(file)));
                ttf.setEnableGsub(false);
                fontFiles.add(ttf);
                faces[face] = PDType0Font.load(doc, ttf, true);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return faces[face];
    }

    /** A word: its text fragments (one per style) and its width in font units. */
    private static final class Word {
        static final Word BREAK = new Word();
        final List<String> texts = new ArrayList<>(1);
        final List<Integer> faces = new ArrayList<>(1);
        private final StringBuilder frag = new StringBuilder();
        private int fragFace = -1;
        float width;

        void append(int cp, int face, float w) {
            if (frag.length() > 0 && face != fragFace) {
                flush();
            }
            fragFace = face;
            frag.appendCodePoint(cp);
            width += w;
        }

        void flush() {
            if (frag.length() > 0) {
                texts.add(frag.toString());
                faces.add(fragFace);
                frag.setLength(0);
            }
        }
    }
}
