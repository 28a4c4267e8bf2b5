package com.writerstree.content.domain.text;

import com.writerstree.content.domain.revision.RevisionDelta;

/**
 * A new text as a change of the current one: its first {@code prefix} and last {@code suffix} UTF-16 code units are
 * the current text's, {@code middle} lies between them (cut never inside a surrogate pair). What a save writes: the
 * pieces of the current text the change touches ({@link CurrentText#write}) and the revision's delta.
 */
public record TextChange(int prefix, int suffix, String middle, int oldLength) {

    public TextChange {
        if (prefix < 0 || suffix < 0 || prefix + suffix > oldLength) {
            throw new IllegalArgumentException("prefix " + prefix + " and suffix " + suffix + " exceed the text");
        }
    }

    /** The change from {@code before} to {@code after}, both whole: their common beginning and end stay. */
    public static TextChange between(String before, String after) {
        RevisionDelta delta = RevisionDelta.between(before, after);
        return new TextChange(delta.prefix(), delta.suffix(), delta.middle(after), before.length());
    }

    /** Where the replaced stretch of the current text ends. */
    public int oldEnd() {
        return oldLength - suffix;
    }

    public int newLength() {
        return prefix + middle.length() + suffix;
    }
}
