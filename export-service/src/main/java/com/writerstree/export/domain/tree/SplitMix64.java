package com.writerstree.export.domain.tree;

/**
 * The tree's pseudo-random numbers: SplitMix64 (Steele, Lea, Flood 2014), chosen because it is a few lines in
 * any language, so a frontend can draw the very same tree. {@link #nextDouble()} is {@code (next() >>> 11) *
 * 2^-53}.
 */
public final class SplitMix64 {

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double between(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** A stream of its own for one part of the tree, so that drawing more of one part never moves another. */
    public static SplitMix64 derived(long seed, long salt) {
        return new SplitMix64(new SplitMix64(seed ^ (salt * 0xD1B54A32D192ED03L)).next());
    }
}
