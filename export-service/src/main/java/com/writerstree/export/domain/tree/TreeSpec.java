package com.writerstree.export.domain.tree;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * What a tree is drawn from: the project's seed, species and season, how far the manuscript has grown
 * ({@code progress} 0-1 of the word goal) and how many milestones (25/50/75/100 %) it reached.
 */
public record TreeSpec(String seed, Species species, Season season, double progress, int milestones) {

    public enum Species {
        OAK,
        WILLOW,
        PINE,
        MAPLE,
        CHERRY;

        public static Species parse(String s) {
            try {
                return s == null ? OAK : valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return OAK;
            }
        }
    }

    public enum Season {
        SPRING,
        SUMMER,
        AUTUMN,
        WINTER;

        public static Season parse(String s) {
            try {
                return s == null ? SPRING : valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return SPRING;
            }
        }
    }

    public TreeSpec {
        progress = Double.isNaN(progress) ? 0 : Math.max(0, Math.min(1, progress));
        milestones = Math.max(0, Math.min(4, milestones));
        seed = seed == null ? "" : seed;
    }

    /** The first 8 bytes (big-endian) of SHA-256 of the seed's UTF-8 bytes: the PRNG's start. */
    public long seed64() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xFF);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 0.15 for a new project up to 1 at the goal: the visible share of the full-grown tree. */
    public double growth() {
        return 0.15 + 0.85 * progress;
    }
}
