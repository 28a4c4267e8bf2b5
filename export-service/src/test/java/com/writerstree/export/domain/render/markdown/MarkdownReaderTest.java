package com.writerstree.export.domain.render.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.writerstree.export.domain.render.model.Block;
import com.writerstree.export.domain.render.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

    @Test
    void headingsScenesAndParagraphs() {
        List<Block> blocks =
                MarkdownReader.read("# One\n\nfirst\nsecond line\n\n* * *\n## Two\n#\n\n#hashtag text\n---\n");
        assertEquals(new Block.Heading(1, List.of(new Span("One", false, false))), blocks.get(0));
        assertEquals(
                new Block.Paragraph(List.of(
                        new Span("first", false, false), Span.LINE_BREAK, new Span("second line", false, false))),
                blocks.get(1));
        assertInstanceOf(Block.SceneBreak.class, blocks.get(2));
        assertEquals(2, ((Block.Heading) blocks.get(3)).level());
        assertInstanceOf(Block.SceneBreak.class, blocks.get(4));
        assertEquals("#hashtag text", ((Block.Paragraph) blocks.get(5)).plainText());
        assertInstanceOf(Block.SceneBreak.class, blocks.get(6));
        assertEquals(7, blocks.size());
    }

    @Test
    void inlineStyles() {
        assertEquals(
                List.of(
                        new Span("a ", false, false),
                        new Span("b", true, false),
                        new Span(" ", false, false),
                        new Span("c", false, true),
                        new Span(" ", false, false),
                        new Span("d", true, true)),
                MarkdownReader.inline("a **b** *c* ***d***"));
        assertEquals(List.of(new Span("2 * 3 * 4", false, false)), MarkdownReader.inline("2 * 3 * 4"));
        assertEquals(List.of(new Span("*lonely", false, false)), MarkdownReader.inline("*lonely"));
        assertEquals(List.of(new Span("*x*", false, false)), MarkdownReader.inline("\\*x\\*"));
        assertEquals(
                List.of(
                        new Span("a ", false, false),
                        new Span("bold ", true, false),
                        new Span("and", true, true),
                        new Span(" b", true, false)),
                MarkdownReader.inline("a **bold *and* b**"));
    }

    @Test
    void textIsNeverLost() {
        // every letter of the input reaches the blocks, whatever the markup
        String text = "# T*i*tle\n\n**un*closed and *** odd ** stars\n\n\\*esc\\* _under_ `code` > quote";
        StringBuilder letters = new StringBuilder();
        for (Block b : MarkdownReader.read(text)) {
            if (b instanceof Block.Heading h) letters.append(h.plainText());
            if (b instanceof Block.Paragraph p) letters.append(p.plainText());
        }
        assertEquals(text.replaceAll("[^\\p{L}]", ""), letters.toString().replaceAll("[^\\p{L}]", ""));
    }
}
