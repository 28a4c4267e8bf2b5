package com.writerstree.suggestion.domain.lm;

/**
 * A writer's own model, linked to the base model it is mixed with: the id maps let the suggester score a word in
 * both models without a string lookup per candidate.
 */
public final class WriterModel {

    final KneserNeyModel model;
    final int[] fromBase;
    final int[] toBase;

    public WriterModel(KneserNeyModel base, KneserNeyModel model) {
        this.model = model;
        fromBase = new int[base.vocabularySize()];
        toBase = new int[model.vocabularySize()];
        for (int b = 0; b < fromBase.length; b++) {
            fromBase[b] = model.id(base.key(b));
        }
        for (int w = 0; w < toBase.length; w++) {
            toBase[w] = base.id(model.key(w));
        }
    }

    public KneserNeyModel model() {
        return model;
    }

    /** Roughly the heap this model takes (for the cache's budget). */
    public long weightBytes() {
        return model.storedNgrams() * 30 + (fromBase.length + toBase.length) * 4L + model.vocabularySize() * 120L;
    }
}
