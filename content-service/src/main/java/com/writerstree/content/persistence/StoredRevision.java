package com.writerstree.content.persistence;

/**
 * One row of {@code content_revisions} as read back: a keyframe ({@code content} = the whole text of
 * {@code version}) or a delta against version - 1 ({@code content} null; the text is the previous one's first
 * {@code deltaPrefix} code units, {@code deltaText}, then its last {@code deltaSuffix} code units).
 */
public record StoredRevision(int version, String content, int deltaPrefix, int deltaSuffix, String deltaText) {

    public static StoredRevision keyframe(int version, String content) {
        return new StoredRevision(version, content, 0, 0, null);
    }

    public static StoredRevision delta(int version, int deltaPrefix, int deltaSuffix, String deltaText) {
        return new StoredRevision(version, null, deltaPrefix, deltaSuffix, deltaText);
    }

    public boolean isKeyframe() {
        return content != null;
    }

    /** What a delta row stores about its chain: deltas since the keyframe and their characters, itself included. */
    public record Chain(int length, int chars) {
        public static final Chain KEYFRAME = new Chain(0, 0);
    }
}
