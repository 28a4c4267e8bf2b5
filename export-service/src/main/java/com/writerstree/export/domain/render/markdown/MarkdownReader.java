package com.writerstree.export.domain.render.markdown;

import com.writerstree.export.domain.render.model.Block;
import com.writerstree.export.domain.render.model.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reading of a writer's text that every export format renders (the subset content-service already
 * recognises when it counts words; see the export README):
 *
 * <ul>
 *   <li>{@code # Title} a chapter heading, {@code ## Title} a section heading ({@code ###} and deeper read as
 *       sections too);
 *   <li>a line of only {@code ***}, {@code * * *}, {@code ---}, {@code ___} (three or more) or a lone {@code #}
 *       is a scene break;
 *   <li>paragraphs are separated by blank lines; a single line break inside a paragraph is kept;
 *   <li>{@code **bold**}, {@code *italic*}, {@code ***both***}; {@code \*} is a literal star, and a star
 *       without a partner (or next to a space on the wrong side, as in {@code 2 * 3}) stays as written.
 * </ul>
 *
 * Nothing else is markup: every other character reaches the file as written.
 */
public final class MarkdownReader {

    private MarkdownReader() {}

    public static List<Block> read(String text) {
        List<Block> blocks = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return blocks;
        }
        StringBuilder paragraph = new StringBuilder();
        int pos = 0;
        int length = text.length();
        while (pos <= length) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = length;
            }
            String line = text.substring(pos, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                flush(paragraph, blocks);
            } else if (isSceneBreak(trimmed)) {
                flush(paragraph, blocks);
                blocks.add(new Block.SceneBreak());
            } else if (headingLevel(trimmed) > 0) {
                flush(paragraph, blocks);
                int level = headingLevel(trimmed);
                String title = trimmed.substring(trimmed.indexOf(' ') + 1).strip();
                blocks.add(new Block.Heading(Math.min(level, 2), inline(title)));
            } else {
                if (paragraph.length() > 0) {
                    paragraph.append('\n');
                }
                paragraph.append(line.strip());
            }
            pos = end + 1;
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (paragraph.length() > 0) {
            blocks.add(new Block.Paragraph(inline(paragraph.toString())));
            paragraph.setLength(0);
        }
    }

    static boolean isSceneBreak(String trimmed) {
        if (trimmed.equals("#")) {
            return true;
        }
        char marker = trimmed.charAt(0);
        if (marker != '*' && marker != '-' && marker != '_') {
            return false;
        }
        int count = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == marker) {
                count++;
            } else if (c != ' ') {
                return false;
            }
        }
        return count >= 3;
    }

    /** {@code #}s followed by a space and some text; 0 when the line is not a heading. */
    static int headingLevel(String trimmed) {
        int level = 0;
        while (level < trimmed.length() && trimmed.charAt(level) == '#') {
            level++;
        }
        if (level == 0 || level > 6 || level >= trimmed.length() || trimmed.charAt(level) != ' ') {
            return 0;
        }
        return trimmed.substring(level).isBlank() ? 0 : level;
    }

    /** Splits a paragraph's text into styled spans. */
    public static List<Span> inline(String s) {
        List<Span> spans = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean bold = false;
        boolean italic = false;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '*') {
                run.append('*');
                i += 2;
                continue;
            }
            if (c == '\n') {
                emit(spans, run, bold, italic);
                spans.add(Span.LINE_BREAK);
                i++;
                continue;
            }
            if (c != '*') {
                run.append(c);
                i++;
                continue;
            }
            int stars = 0;
            while (i + stars < n && s.charAt(i + stars) == '*') {
                stars++;
            }
            boolean wantBold = stars >= 2;
            boolean wantItalic = stars == 1 || stars >= 3;
            boolean closes = (!wantBold || bold) && (!wantItalic || italic) && i > 0 && !isSpace(s.charAt(i - 1));
            if (stars <= 3 && closes) {
                emit(spans, run, bold, italic);
                if (wantBold) bold = false;
                if (wantItalic) italic = false;
            } else if (stars <= 3
                    && (!wantBold || !bold)
                    && (!wantItalic || !italic)
                    && i + stars < n
                    && !isSpace(s.charAt(i + stars))
                    && hasCloser(s, i + stars, stars)) {
                emit(spans, run, bold, italic);
                if (wantBold) bold = true;
                if (wantItalic) italic = true;
            } else {
                run.append(s, i, i + stars);
            }
            i += stars;
        }
        emit(spans, run, bold, italic);
        return spans;
    }

    /** A run of exactly {@code stars} stars after {@code from}, not preceded by a space, in the same paragraph. */
    private static boolean hasCloser(String s, int from, int stars) {
        int n = s.length();
        int i = from;
        while (i < n) {
            int at = s.indexOf('*', i);
            if (at < 0) {
                return false;
            }
            int run = 0;
            while (at + run < n && s.charAt(at + run) == '*') {
                run++;
            }
            if (run == stars && !isSpace(s.charAt(at - 1)) && s.charAt(at - 1) != '\\') {
                return true;
            }
            i = at + run;
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static void emit(List<Span> spans, StringBuilder run, boolean bold, boolean italic) {
        if (run.length() > 0) {
            spans.add(new Span(run.toString(), bold, italic));
            run.setLength(0);
        }
    }
}
