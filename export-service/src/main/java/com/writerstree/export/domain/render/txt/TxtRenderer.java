package com.writerstree.export.domain.render.txt;

import com.writerstree.export.domain.render.ManuscriptRenderer;
import com.writerstree.export.domain.render.TitlePage;
import com.writerstree.export.domain.render.model.Manuscript;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 plain text: the writer's text exactly as saved (its lightweight Markdown is already plain text), after
 * a title block when {@code includeMetadata} is set. The style does not apply to plain text.
 */
public final class TxtRenderer implements ManuscriptRenderer {

    @Override
    public void render(Manuscript m, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (m.includeMetadata()) {
            w.write(m.meta().title());
            w.write('\n');
            for (String line : TitlePage.details(m.meta())) {
                w.write(line);
                w.write('\n');
            }
            w.write("\n\n");
        }
        w.write(m.text());
        w.flush();
    }
}
