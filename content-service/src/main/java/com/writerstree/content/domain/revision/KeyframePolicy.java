package com.writerstree.content.domain.revision;

import com.writerstree.content.persistence.StoredRevision;

/**
 * When a revision is stored whole (a keyframe) rather than as a delta against the one before it: when there is no
 * previous revision to be a delta of, or when the chain since the last keyframe would get longer than
 * {@code maxChain} deltas, or its deltas' text longer than {@code maxChainFraction} x the new text's length. The
 * first bound caps the rows a read walks, the second the characters it reads beyond the keyframe (and makes large
 * edits cost at most (1 + 1 / fraction) x their size in writes, amortized: a keyframe comes every fraction x text of
 * edits).
 */
public record KeyframePolicy(int maxChain, double maxChainFraction) {

    public KeyframePolicy {
        if (maxChain < 0 || maxChainFraction < 0) {
            throw new IllegalArgumentException("keyframe bounds must be >= 0");
        }
    }

    /**
     * The chain counters of the new revision: {@link StoredRevision.Chain#KEYFRAME} if it is to be a keyframe, else
     * the previous revision's counters plus this delta.
     *
     * @param previous the previous version's counters, null when that revision is not stored
     */
    public StoredRevision.Chain next(StoredRevision.Chain previous, int middleLength, int textLength) {
        if (previous == null) {
            return StoredRevision.Chain.KEYFRAME;
        }
        long chars = (long) previous.chars() + middleLength;
        if (previous.length() + 1 > maxChain || chars > maxChainFraction * textLength) {
            return StoredRevision.Chain.KEYFRAME;
        }
        return new StoredRevision.Chain(previous.length() + 1, (int) chars);
    }
}
