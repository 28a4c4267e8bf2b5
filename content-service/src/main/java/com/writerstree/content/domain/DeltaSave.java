package com.writerstree.content.domain;

import com.writerstree.content.domain.merge.TextPatch;
import com.writerstree.content.domain.revision.Revisions;
import com.writerstree.content.domain.text.CurrentText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The delta part of a save: the request's {@code patch} applied to the text of its base {@code version} (the
 * current text, or a kept revision; version 0 is {@code ""}). From there on a delta save is exactly a full save of
 * the patched text on that base.
 */
@ApplicationScoped
public class DeltaSave {

    /** The base version's text and the client's text (the patch applied to it). */
    public record Patched(String baseText, String clientText) {}

    private final Revisions revisions;
    private final CurrentText texts;

    public DeltaSave(Revisions revisions, CurrentText texts) {
        this.revisions = revisions;
        this.texts = texts;
    }

    /**
     * Applies {@code patch} to the current text (its version is {@code base}), reading only the pieces the patch
     * touches: 400 VALIDATION_ERROR on {@code patch} when it does not apply. Writes nothing.
     */
    CurrentText.Patched applyToCurrent(CurrentText.Loaded current, int base, List<TextPatch.Op> patch) {
        try {
            return texts.patch(current, patch);
        } catch (TextPatch.NotApplicable e) {
            throw ContentErrors.patchNotApplicable(base, e.getMessage());
        }
    }

    /**
     * Applies {@code patch} to the text of version {@code base}: 409 VERSION_CONFLICT (with the server's text) when
     * that text is no longer kept, 400 VALIDATION_ERROR on {@code patch} when the patch does not apply to it.
     */
    Patched apply(UUID projectId, int base, List<TextPatch.Op> patch, int currentVersion, String currentText) {
        String baseText = base == currentVersion
                ? currentText
                : revisions.text(projectId, base).orElse(null);
        if (baseText == null) {
            throw ContentErrors.conflict(currentVersion, base, currentText);
        }
        try {
            return new Patched(baseText, TextPatch.apply(baseText, patch));
        } catch (TextPatch.NotApplicable e) {
            throw ContentErrors.patchNotApplicable(base, e.getMessage());
        }
    }
}
