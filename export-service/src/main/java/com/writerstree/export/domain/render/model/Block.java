package com.writerstree.export.domain.render.model;

import java.util.List;

/** One block of a manuscript, the structure every format renders the same way. */
public sealed interface Block {

    /** {@code #} (level 1, a chapter) or {@code ##} (level 2, a section). */
    record Heading(int level, List<Span> spans) implements Block {
        public String plainText() {
            return Block.plain(spans);
        }
    }

    /** Text between blank lines; single line breaks inside it are kept as {@link Span#LINE_BREAK}. */
    record Paragraph(List<Span> spans) implements Block {
        public String plainText() {
            return Block.plain(spans);
        }
    }

    /** {@code ***}, {@code * * *}, {@code ---} or a lone {@code #}: a change of scene. */
    record SceneBreak() implements Block {}

    static String plain(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.isLineBreak() ? " " : s.text());
        }
        return sb.toString();
    }
}
