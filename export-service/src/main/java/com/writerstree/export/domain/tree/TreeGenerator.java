package com.writerstree.export.domain.tree;

import com.writerstree.export.domain.tree.TreeSpec.Season;
import com.writerstree.export.domain.tree.TreeSpec.Species;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Grows a tree from a {@link TreeSpec} (algorithm in the export README, "The tree"):
 *
 * <ol>
 *   <li>The PRNG ({@link SplitMix64}) starts at {@link TreeSpec#seed64()}.
 *   <li>The full-grown skeleton is built first, always consuming the same random numbers: recursive branching
 *       (pine: a central leader with whorls of side branches), with the species' angle, length ratio and
 *       number of children. Every segment has a depth (its generation).
 *   <li>Growth {@code g = 0.15 + 0.85 * progress} decides what is visible: generations below
 *       {@code g * (maxDepth + 1)} fully, the next one partly; the whole tree is also scaled by
 *       {@code 0.45 + 0.55 * g}. A growing tree is therefore always a prefix of the same grown tree.
 *   <li>Leaves sit at the outer visible segments, each cluster from its own derived PRNG (salt = segment
 *       index), coloured by season (none in winter, except the pine's needles).
 *   <li>Blossoms: every leaf site has blossom slots (cherry two, the others one), each with a key drawn from the
 *       site's PRNG. With {@code m} milestones reached, the {@link #openBlossoms(int, int)} slots with the lowest
 *       keys flower: a quarter of the slots per milestone, but at least three per milestone (all slots if the
 *       tree has fewer), so every reached milestone shows blossoms, all flower at 100 %, and at the same growth a
 *       later milestone only adds blossoms. Which slots open varies with the seed.
 * </ol>
 */
public final class TreeGenerator {

    private record Shape(
            int maxDepth,
            double angle,
            double jitter,
            double ratio,
            int minChildren,
            int maxChildren,
            double upBias,
            double droop,
            double trunk,
            double width,
            double leafSize) {}

    private record Segment(
            double x1,
            double y1,
            double x2,
            double y2,
            double w1,
            double w2,
            int depth,
            int index,
            boolean terminal,
            boolean needles) {}

    /** Blossoms each reached milestone guarantees (as long as the tree has that many slots). */
    static final int MIN_BLOSSOMS_PER_MILESTONE = 3;

    private final TreeSpec spec;
    private final long seed;
    private final List<Segment> segments = new ArrayList<>();
    private final Shape shape;

    private TreeGenerator(TreeSpec spec) {
        this.spec = spec;
        this.seed = spec.seed64();
        this.shape = shapeOf(spec.species());
    }

    public static TreeScene draw(TreeSpec spec, int width, int height, boolean transparent) {
        return new TreeGenerator(spec).scene(width, height, transparent);
    }

    private static Shape shapeOf(Species species) {
        return switch (species) {
            case OAK -> new Shape(7, 0.50, 0.45, 0.74, 2, 3, 0.10, 0.0, 1.0, 0.22, 0.20);
            case WILLOW -> new Shape(6, 0.55, 0.30, 0.76, 2, 3, 0.05, 0.10, 1.1, 0.18, 0.12);
            case PINE -> new Shape(12, 1.25, 0.15, 0.80, 2, 2, 0.0, 0.0, 0.42, 0.16, 0.24);
            case MAPLE -> new Shape(7, 0.42, 0.30, 0.76, 2, 3, 0.22, 0.0, 1.0, 0.19, 0.21);
            case CHERRY -> new Shape(6, 0.62, 0.35, 0.76, 2, 3, 0.02, 0.0, 0.85, 0.20, 0.19);
        };
    }

    // ---- skeleton (tree units: base at 0,0, y up, trunk about 1 long) ----

    private void grow() {
        SplitMix64 rng = new SplitMix64(seed);
        if (spec.species() == Species.PINE) {
            pine(rng);
        } else {
            double lean = rng.between(-0.08, 0.08);
            branch(rng, 0, 0, Math.PI / 2 + lean, shape.trunk() * rng.between(0.9, 1.1), shape.width(), 0);
        }
    }

    private void branch(SplitMix64 rng, double x, double y, double angle, double length, double width, int depth) {
        double x2 = x + length * Math.cos(angle);
        double y2 = y + length * Math.sin(angle);
        double endWidth = width * 0.68;
        boolean terminal = depth == shape.maxDepth();
        segments.add(new Segment(x, y, x2, y2, width, endWidth, depth, segments.size(), terminal, false));
        if (terminal) {
            return;
        }
        int span = shape.maxChildren() - shape.minChildren() + 1;
        int children = shape.minChildren() + (int) Math.floor(rng.nextDouble() * span);
        for (int i = 0; i < children; i++) {
            double spread = children == 1 ? 0 : shape.angle() * (2.0 * i / (children - 1) - 1);
            double a = angle + spread + shape.jitter() * (rng.nextDouble() - 0.5);
            a += (Math.PI / 2 - a) * shape.upBias(); // reach for the light
            a -= shape.droop() * depth * Math.cos(a) * Math.signum(Math.cos(a)) * 0.6; // willows hang
            double l = length * shape.ratio() * rng.between(0.82, 1.12);
            branch(rng, x2, y2, a, l, endWidth, depth + 1);
        }
    }

    /** A central leader in {@code maxDepth} nodes; at each node two side branches, longer further down. */
    private void pine(SplitMix64 rng) {
        int nodes = shape.maxDepth();
        double x = 0;
        double y = 0;
        double width = shape.width();
        for (int k = 0; k < nodes; k++) {
            double len = shape.trunk() * (k == 0 ? 1.6 : 1.0) * rng.between(0.9, 1.05) * (1 - 0.035 * k);
            double a = Math.PI / 2 + rng.between(-0.03, 0.03);
            double x2 = x + len * Math.cos(a);
            double y2 = y + len * Math.sin(a);
            double w2 = width * 0.86;
            segments.add(new Segment(x, y, x2, y2, width, w2, k, segments.size(), k == nodes - 1, k == nodes - 1));
            if (k >= 1) {
                double reach = 1.9 * Math.pow(1.0 - (double) k / nodes, 1.1) + 0.15;
                for (int side = -1; side <= 1; side += 2) {
                    double droop = 0.25 + 0.3 * (1 - (double) k / nodes);
                    double sa = Math.PI / 2 - side * (Math.PI / 2 + droop * rng.between(0.6, 1.1) - 0.35);
                    double l = reach * rng.between(0.85, 1.1);
                    double bx = x2 + l * Math.cos(sa);
                    double by = y2 + l * Math.sin(sa);
                    segments.add(new Segment(x2, y2, bx, by, w2 * 0.45, w2 * 0.12, k + 1, segments.size(), true, true));
                }
            }
            x = x2;
            y = y2;
            width = w2;
        }
    }

    // ---- what is visible at this growth, in pixels ----

    private TreeScene scene(int width, int height, boolean transparent) {
        grow();
        Palette palette = Palette.of(spec.species(), spec.season());
        double g = spec.growth();
        int maxDepth = spec.species() == Species.PINE ? shape.maxDepth() + 1 : shape.maxDepth();
        double visibleDepth = g * (maxDepth + 1);

        // frame the full-grown tree (with its crown) so that growing never leaves the picture
        double minX = 0, maxX = 0, maxY = 0;
        double margin = shape.leafSize() * 2.2 + (spec.species() == Species.WILLOW ? 0.2 : 0);
        for (Segment s : segments) {
            minX = Math.min(minX, Math.min(s.x1(), s.x2()) - margin);
            maxX = Math.max(maxX, Math.max(s.x1(), s.x2()) + margin);
            maxY = Math.max(maxY, Math.max(s.y1(), s.y2()) + margin);
        }
        double groundY = height * 0.90;
        double scale = Math.min(width * 0.92 / (maxX - minX), groundY * 0.93 / maxY);
        double grownScale = scale * (0.45 + 0.55 * g);
        double originX = width / 2.0 - (minX + maxX) / 2 * grownScale;
        Mapper map = new Mapper(originX, groundY, grownScale);

        List<TreeScene.Shape> shapes = new ArrayList<>();
        // the ground
        shapes.add(new TreeScene.Blob(
                width / 2.0, groundY + height * 0.06, width * 0.62, height * 0.085, 0, palette.ground, 1));
        shapes.add(new TreeScene.Blob(
                map.x(0), groundY + height * 0.005, scale * 0.9, height * 0.018, 0, palette.groundShade, 0.6));

        List<double[]> leafSites = new ArrayList<>(); // x, y, size, index, angle (pixels)
        for (Segment s : segments) {
            double f = Math.max(0, Math.min(1, visibleDepth - s.depth()));
            if (f <= 0) {
                continue;
            }
            double ex = s.x1() + (s.x2() - s.x1()) * f;
            double ey = s.y1() + (s.y2() - s.y1()) * f;
            double w2 = s.w1() + (s.w2() - s.w1()) * f;
            shapes.add(new TreeScene.Branch(
                    map.x(s.x1()),
                    map.y(s.y1()),
                    map.x(ex),
                    map.y(ey),
                    Math.max(0.8, s.w1() * grownScale),
                    Math.max(0.6, w2 * grownScale),
                    palette.bark));
            boolean outer = s.terminal() || visibleDepth - (s.depth() + 1) < 0.6;
            if (f > 0.35 && (s.depth() >= 1 || s.needles() || visibleDepth < 1.6) && outer) {
                if (s.needles()) {
                    // a pine's branch carries needles along its length
                    for (int k = 1; k <= 6; k++) {
                        double t = f * k / 6.0;
                        leafSites.add(new double[] {
                            map.x(s.x1() + (s.x2() - s.x1()) * t),
                            map.y(s.y1() + (s.y2() - s.y1()) * t),
                            shape.leafSize() * grownScale * (1.1 - 0.15 * k),
                            s.index() * 8 + k,
                            Math.atan2(-(s.y2() - s.y1()), s.x2() - s.x1())
                        });
                    }
                } else {
                    leafSites.add(new double[] {map.x(ex), map.y(ey), shape.leafSize() * grownScale, s.index(), 0});
                }
            }
        }

        boolean evergreen = spec.species() == Species.PINE;
        boolean leaves = spec.season() != Season.WINTER || evergreen;
        if (leaves) {
            for (double[] site : leafSites) {
                SplitMix64 r = SplitMix64.derived(seed, 1000 + (long) site[3]);
                int count = evergreen ? 7 : palette.leavesPerSite;
                for (int i = 0; i < count; i++) {
                    double ang = r.nextDouble() * 2 * Math.PI;
                    double dist = r.nextDouble() * site[2] * (evergreen ? 0.9 : 1.2);
                    int rgb = palette.leaves[(int) Math.floor(r.nextDouble() * palette.leaves.length)];
                    double size = site[2] * r.between(0.35, 0.6);
                    double rot = evergreen ? Math.toDegrees(-site[4]) : r.nextDouble() * 180;
                    shapes.add(new TreeScene.Blob(
                            site[0] + Math.cos(ang) * dist,
                            site[1] + Math.sin(ang) * dist * 0.8,
                            evergreen ? size * 1.5 : size,
                            evergreen ? size * 0.45 : size * 0.62,
                            rot,
                            rgb,
                            0.92));
                }
                if (spec.species() == Species.WILLOW) {
                    willowStrand(shapes, r, site, palette, grownScale);
                }
            }
        }
        if (spec.season() == Season.WINTER) {
            for (double[] site : leafSites) {
                SplitMix64 r = SplitMix64.derived(seed, 3000 + (long) site[3]);
                shapes.add(new TreeScene.Blob(
                        site[0],
                        site[1] - site[2] * 0.15,
                        site[2] * r.between(0.3, 0.5),
                        site[2] * 0.16,
                        0,
                        0xFFFFFF,
                        0.95));
            }
        }
        if (spec.season() == Season.AUTUMN && !evergreen) {
            // fallen leaves on the ground, more as the tree grows
            SplitMix64 r = SplitMix64.derived(seed, 7);
            int fallen = (int) (30 * g);
            for (int i = 0; i < fallen; i++) {
                double x = width / 2.0 + r.between(-0.45, 0.45) * width * (0.5 + 0.5 * g);
                double y = groundY + r.between(0.0, 0.06) * height;
                int rgb = palette.leaves[(int) Math.floor(r.nextDouble() * palette.leaves.length)];
                shapes.add(new TreeScene.Blob(
                        x,
                        y,
                        shape.leafSize() * grownScale * 0.25,
                        shape.leafSize() * grownScale * 0.14,
                        r.nextDouble() * 180,
                        rgb,
                        0.9));
            }
        }

        // blossoms: slots per site (cherry 2, others 1), ranked by a key drawn from the site's stream; the reached
        // milestones open the lowest-ranked openBlossoms(...) of them
        int slots = spec.species() == Species.CHERRY ? 2 : 1;
        int total = leafSites.size() * slots;
        double[] keys = new double[total];
        double[][] places = new double[total][]; // x, y, size
        for (int i = 0; i < leafSites.size(); i++) {
            double[] site = leafSites.get(i);
            SplitMix64 r = SplitMix64.derived(seed, 5000 + (long) site[3]);
            for (int slot = 0; slot < slots; slot++) {
                int n = i * slots + slot;
                keys[n] = r.nextDouble();
                double ang = r.nextDouble() * 2 * Math.PI;
                double dist = r.nextDouble() * site[2] * 1.0;
                double size = site[2] * r.between(0.2, 0.28);
                places[n] = new double[] {site[0] + Math.cos(ang) * dist, site[1] + Math.sin(ang) * dist * 0.8, size};
            }
        }
        boolean[] open = openSlots(keys, openBlossoms(spec.milestones(), total));
        for (int n = 0; n < total; n++) {
            if (open[n]) {
                blossom(shapes, places[n][0], places[n][1], places[n][2], palette);
            }
        }
        return new TreeScene(width, height, transparent ? null : palette.sky, List.copyOf(shapes));
    }

    /**
     * How many of a tree's blossom slots flower with {@code milestones} (0-4) reached: a quarter of the slots per
     * milestone (rounded up) but at least three per milestone, at most all of them.
     */
    static int openBlossoms(int milestones, int slots) {
        if (milestones <= 0) {
            return 0;
        }
        return Math.min(slots, Math.max(MIN_BLOSSOMS_PER_MILESTONE * milestones, (milestones * slots + 3) / 4));
    }

    /** The {@code count} slots with the lowest keys (ties: the earlier slot), so more never closes one already open. */
    private static boolean[] openSlots(double[] keys, int count) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Double.compare(keys[a], keys[b]) : Integer.compare(a, b));
        boolean[] open = new boolean[keys.length];
        for (int i = 0; i < count; i++) {
            open[order[i]] = true;
        }
        return open;
    }

    private static void willowStrand(
            List<TreeScene.Shape> shapes, SplitMix64 r, double[] site, Palette p, double scale) {
        double len = scale * r.between(0.45, 0.9);
        double x = site[0];
        double y = site[1];
        shapes.add(new TreeScene.Branch(x, y, x + len * 0.08, y + len, 1.2, 0.6, p.leaves[0]));
        for (int k = 1; k <= 8; k++) {
            double t = k / 8.0;
            shapes.add(new TreeScene.Blob(
                    x + len * 0.08 * t + (k % 2 == 0 ? 2 : -2),
                    y + len * t,
                    site[2] * 0.22,
                    site[2] * 0.09,
                    70 + (k % 2) * 40,
                    p.leaves[k % p.leaves.length],
                    0.9));
        }
    }

    private static void blossom(List<TreeScene.Shape> shapes, double x, double y, double size, Palette p) {
        for (int k = 0; k < 5; k++) {
            double a = k * 2 * Math.PI / 5;
            shapes.add(new TreeScene.Blob(
                    x + Math.cos(a) * size * 0.55,
                    y + Math.sin(a) * size * 0.55,
                    size * 0.5,
                    size * 0.5,
                    0,
                    p.blossom,
                    0.95));
        }
        shapes.add(new TreeScene.Blob(x, y, size * 0.28, size * 0.28, 0, 0xF2C230, 1));
    }

    private record Mapper(double originX, double groundY, double scale) {
        double x(double tx) {
            return originX + tx * scale;
        }

        double y(double ty) {
            return groundY - ty * scale;
        }
    }

    private record Palette(
            int sky, int ground, int groundShade, int bark, int[] leaves, int leavesPerSite, int blossom) {
        static Palette of(Species species, Season season) {
            int bark = switch (species) {
                case OAK -> 0x5B4330;
                case WILLOW -> 0x6B5A3E;
                case PINE -> 0x4A3526;
                case MAPLE -> 0x5E3D2B;
                case CHERRY -> 0x4D2F2A;
            };
            int blossom = switch (species) {
                case CHERRY -> 0xF5A3BF;
                case MAPLE -> 0xF6C6D6;
                case WILLOW -> 0xFFF1A8;
                case PINE -> 0xFFE7A3;
                case OAK -> 0xFFF6EE;
            };
            int[] needles = {0x2E5E3A, 0x356B41, 0x264F31};
            return switch (season) {
                case SPRING ->
                    new Palette(
                            0xE8F4FB,
                            0x9CCB72,
                            0x6E9E4F,
                            bark,
                            species == Species.PINE ? needles : new int[] {0x8FD16B, 0xA6DE7A, 0x7CC35A},
                            5,
                            blossom);
                case SUMMER ->
                    new Palette(
                            0xD6ECFA,
                            0x6FAE4A,
                            0x4E8A35,
                            bark,
                            species == Species.PINE ? needles : new int[] {0x3F8F3A, 0x4DA345, 0x2F7A31},
                            8,
                            blossom);
                case AUTUMN ->
                    new Palette(
                            0xF6EAD8,
                            0xB9A060,
                            0x8F7A45,
                            bark,
                            species == Species.PINE
                                    ? needles
                                    : species == Species.MAPLE
                                            ? new int[] {0xC8382A, 0xD9552B, 0xB22D22, 0xE3A23C}
                                            : new int[] {0xD9822B, 0xC8482F, 0xE3B23C, 0xB5651D},
                            6,
                            blossom);
                case WINTER -> new Palette(0xE9EEF3, 0xF4F7FA, 0xD5DEE6, bark, needles, 0, blossom);
            };
        }
    }
}
