package com.writerstree.export.domain.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.export.domain.tree.TreeSpec.Season;
import com.writerstree.export.domain.tree.TreeSpec.Species;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tree blooms at every milestone the writer reached (25/50/75/100 %), for every seed and species: at least
 * {@link TreeGenerator#MIN_BLOSSOMS_PER_MILESTONE} blossoms per milestone, a later milestone only adds blossoms, and
 * at 100 % every blossom slot is open. Before, each slot's milestone was drawn from the seed, and a project at 25-49 %
 * could show none (this test found such seeds for every species).
 */
class TreeBloomTest {

    static final int SEEDS = 300;
    static final int W = 640;
    static final int H = 480;

    /** A project's seed as project-service makes it: the SHA-256 hex of some text. */
    static String seed(int i) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(("project-" + i).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Season season(int i) {
        return Season.values()[i % Season.values().length];
    }

    /** The blossoms drawn, as their hearts (one golden centre per blossom). */
    static List<TreeScene.Blob> blossoms(TreeSpec spec) {
        List<TreeScene.Blob> hearts = new ArrayList<>();
        for (TreeScene.Shape s : TreeGenerator.draw(spec, W, H, false).shapes()) {
            if (s instanceof TreeScene.Blob b && b.rgb() == 0xF2C230) {
                hearts.add(b);
            }
        }
        return hearts;
    }

    @Test
    void everySeedBloomsAtTwentyFivePercent() {
        for (Species species : Species.values()) {
            int least = Integer.MAX_VALUE;
            for (int i = 0; i < SEEDS; i++) {
                for (double progress : new double[] {0.25, 0.3, 0.4, 0.49}) {
                    int n = blossoms(new TreeSpec(seed(i), species, season(i), progress, 1))
                            .size();
                    least = Math.min(least, n);
                    assertTrue(
                            n >= TreeGenerator.MIN_BLOSSOMS_PER_MILESTONE,
                            species + " seed " + seed(i) + " at " + progress + " with the 25 % milestone: " + n
                                    + " blossoms");
                }
            }
            assertTrue(least >= TreeGenerator.MIN_BLOSSOMS_PER_MILESTONE, species + ": " + least);
        }
    }

    @Test
    void eachMilestoneShowsMoreBlossomsThanTheOneBefore() {
        for (Species species : Species.values()) {
            for (int i = 0; i < SEEDS / 3; i++) {
                String seed = seed(i);
                int before = 0;
                for (int m = 1; m <= 4; m++) {
                    int n = blossoms(new TreeSpec(seed, species, season(i), m / 4.0, m))
                            .size();
                    assertTrue(
                            n > before,
                            species + " seed " + seed + ": " + n + " blossoms at " + (25 * m) + " %, " + before
                                    + " at the milestone before");
                    before = n;
                }
            }
        }
    }

    @Test
    void atTheSameGrowthMoreMilestonesOnlyAddBlossoms() {
        // the same growth: the writer cut words after a milestone, or a grown tree's milestones counted late; more
        // milestones never close a blossom, and add some until all are open
        for (Species species : Species.values()) {
            for (int i = 0; i < 40; i++) {
                String seed = seed(i);
                for (double progress : new double[] {0.1, 0.25, 0.6, 1.0}) {
                    int all = blossoms(new TreeSpec(seed, species, season(i), progress, 4))
                            .size();
                    Set<String> open = Set.of();
                    for (int m = 0; m <= 4; m++) {
                        Set<String> now = centres(blossoms(new TreeSpec(seed, species, season(i), progress, m)));
                        assertTrue(now.containsAll(open), species + " " + seed + " " + progress + " m=" + m);
                        if (m == 0) {
                            assertEquals(0, now.size(), "no milestone, no blossom");
                        } else {
                            assertTrue(
                                    now.size() > open.size() || open.size() == all,
                                    species + " " + seed + " " + progress + " m=" + m + ": " + now.size());
                        }
                        open = now;
                    }
                }
            }
        }
    }

    @Test
    void atOneHundredPercentEverySlotFlowers() {
        // in summer each leaf site has 8 leaves (pine 7 needles; a willow also hangs a strand of 8 leaves), and
        // every site has one blossom slot (cherry two)
        for (Species species : Species.values()) {
            for (int i = 0; i < SEEDS / 3; i++) {
                TreeSpec spec = new TreeSpec(seed(i), species, Season.SUMMER, 1.0, 4);
                long leaves = TreeGenerator.draw(spec, W, H, false).shapes().stream()
                        .filter(s -> s instanceof TreeScene.Blob b && isSummerLeaf(species, b.rgb()))
                        .count();
                int perSite = species == Species.PINE ? 7 : species == Species.WILLOW ? 16 : 8;
                assertEquals(0, leaves % perSite, species + " leaves " + leaves);
                long slots = leaves / perSite * (species == Species.CHERRY ? 2 : 1);
                assertEquals(slots, blossoms(spec).size(), species + " seed " + seed(i) + ": all slots open");
            }
        }
    }

    @Test
    void whichSlotsOpenFirstIsDrawnFromTheSeed() {
        // the first milestone's blossoms are spread over the crown, not the first sites painted
        for (int i = 0; i < 40; i++) {
            List<TreeScene.Blob> every = blossoms(new TreeSpec(seed(i), Species.CHERRY, Season.SPRING, 1.0, 4));
            Set<String> open = centres(blossoms(new TreeSpec(seed(i), Species.CHERRY, Season.SPRING, 1.0, 1)));
            Set<String> firstPainted = centres(every.subList(0, open.size()));
            assertTrue(centres(every).containsAll(open), "the 25 % blossoms are among the grown tree's");
            assertNotEquals(firstPainted, open, "seed " + seed(i));
        }
        assertNotEquals(
                centres(blossoms(new TreeSpec(seed(1), Species.OAK, Season.SPRING, 0.3, 1))),
                centres(blossoms(new TreeSpec(seed(2), Species.OAK, Season.SPRING, 0.3, 1))));
    }

    @Test
    void theShareOfOpenSlots() {
        assertEquals(0, TreeGenerator.openBlossoms(0, 40));
        assertEquals(10, TreeGenerator.openBlossoms(1, 40));
        assertEquals(20, TreeGenerator.openBlossoms(2, 40));
        assertEquals(30, TreeGenerator.openBlossoms(3, 40));
        assertEquals(40, TreeGenerator.openBlossoms(4, 40));
        assertEquals(3, TreeGenerator.openBlossoms(1, 5), "at least three for a milestone");
        assertEquals(6, TreeGenerator.openBlossoms(2, 9));
        assertEquals(9, TreeGenerator.openBlossoms(4, 9));
        assertEquals(1, TreeGenerator.openBlossoms(1, 1), "a seedling with one site");
        assertEquals(4, TreeGenerator.openBlossoms(1, 13), "a quarter, rounded up");
        assertEquals(0, TreeGenerator.openBlossoms(3, 0));
    }

    static boolean isSummerLeaf(Species species, int rgb) {
        return species == Species.PINE
                ? rgb == 0x2E5E3A || rgb == 0x356B41 || rgb == 0x264F31
                : rgb == 0x3F8F3A || rgb == 0x4DA345 || rgb == 0x2F7A31;
    }

    static Set<String> centres(List<TreeScene.Blob> hearts) {
        Set<String> set = new HashSet<>();
        for (TreeScene.Blob b : hearts) {
            set.add(centre(b));
        }
        return set;
    }

    static String centre(TreeScene.Blob b) {
        return b.cx() + "," + b.cy();
    }
}
