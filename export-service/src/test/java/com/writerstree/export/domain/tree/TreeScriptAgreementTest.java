package com.writerstree.export.domain.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.writerstree.export.domain.tree.TreeSpec.Season;
import com.writerstree.export.domain.tree.TreeSpec.Species;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web client draws the tree with its own port of {@link TreeGenerator} ({@code web-client/.../app/tree.js}).
 * This test runs that file under Node ({@code src/test/resources/tree/scenes.mjs}) and checks that it draws the same
 * trees: shape by shape on a sample of seeds, species, seasons and growths, and the same blossoms on many more;
 * and that the client's tree, too, blooms at every milestone (the properties of {@link TreeBloomTest}). Skipped
 * when {@code node} is not installed.
 */
class TreeScriptAgreementTest {

    private static final Path TREE_JS = Path.of("../web-client/src/main/resources/META-INF/resources/app/tree.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** (progress, milestones): a seedling, each milestone reached, words cut after a milestone. */
    private static final double[][] POINTS = {{0.05, 0}, {0.25, 1}, {0.3, 1}, {0.5, 2}, {0.75, 3}, {1.0, 4}, {0.1, 2}};

    @BeforeAll
    static void nodeInstalled() {
        assertTrue(Files.isRegularFile(TREE_JS), TREE_JS.toAbsolutePath() + " is missing");
        assumeTrue(nodeVersion() != null, "node is needed to run the web client's tree.js");
    }

    @Test
    void theClientDrawsTheSameShapes() throws Exception {
        List<TreeSpec> specs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (Species species : Species.values()) {
                for (double[] point : POINTS) {
                    Season season = Season.values()[(i + species.ordinal()) % Season.values().length];
                    specs.add(new TreeSpec(TreeBloomTest.seed(i), species, season, point[0], (int) point[1]));
                }
            }
        }
        int[] compared = {0};
        runScript(specs, 320, 240, true, (k, answer) -> {
            TreeSpec spec = specs.get(k);
            List<TreeScene.Shape> expected =
                    TreeGenerator.draw(spec, 320, 240, false).shapes();
            JsonNode shapes = answer.get("shapes");
            assertEquals(expected.size(), shapes.size(), "shapes of " + spec);
            for (int i = 0; i < expected.size(); i++) {
                sameShape(spec + " shape " + i, expected.get(i), shapes.get(i));
            }
            compared[0] += expected.size();
        });
        assertTrue(compared[0] > 100_000, "shapes compared: " + compared[0]);
    }

    @Test
    void theClientsTreeBloomsAtEveryMilestoneAsTheExportedOne() throws Exception {
        List<TreeSpec> specs = new ArrayList<>();
        int seeds = 60;
        for (int i = 0; i < seeds; i++) {
            for (Species species : Species.values()) {
                for (int m = 1; m <= 4; m++) {
                    specs.add(new TreeSpec(TreeBloomTest.seed(i), species, TreeBloomTest.season(i), m / 4.0, m));
                }
                specs.add(new TreeSpec(TreeBloomTest.seed(i), species, TreeBloomTest.season(i), 0.45, 1));
            }
        }
        List<JsonNode> drawn = new ArrayList<>();
        runScript(specs, TreeBloomTest.W, TreeBloomTest.H, false, (k, answer) -> drawn.add(answer));
        for (int k = 0; k < specs.size(); k++) {
            TreeSpec spec = specs.get(k);
            int client = drawn.get(k).get("blossoms").asInt();
            assertEquals(5 * client, drawn.get(k).get("petals").asInt(), "five petals a blossom");
            assertEquals(TreeBloomTest.blossoms(spec).size(), client, "blossoms of " + spec);
            assertTrue(
                    client >= TreeGenerator.MIN_BLOSSOMS_PER_MILESTONE * spec.milestones(),
                    "client blossoms of " + spec + ": " + client);
        }
        // along the milestones, more each time (specs are in groups of five: 25, 50, 75, 100 %, then 45 %)
        for (int k = 0; k < specs.size(); k += 5) {
            for (int m = 1; m < 4; m++) {
                int before = drawn.get(k + m - 1).get("blossoms").asInt();
                int now = drawn.get(k + m).get("blossoms").asInt();
                assertTrue(now > before, specs.get(k + m) + ": " + now + " after " + before);
            }
        }
    }

    private static void sameShape(String where, TreeScene.Shape expected, JsonNode actual) {
        double[] numbers;
        int rgb;
        String kind;
        if (expected instanceof TreeScene.Branch b) {
            kind = "b";
            rgb = b.rgb();
            numbers = new double[] {b.x1(), b.y1(), b.x2(), b.y2(), b.w1(), b.w2()};
        } else {
            TreeScene.Blob e = (TreeScene.Blob) expected;
            kind = "e";
            rgb = e.rgb();
            numbers = new double[] {e.cx(), e.cy(), e.rx(), e.ry(), e.angle(), e.opacity()};
        }
        assertEquals(kind, actual.get(0).asText(), where);
        assertEquals(rgb, actual.get(1).asInt(), where + String.format(Locale.ROOT, " colour #%06x", rgb));
        assertEquals(numbers.length + 2, actual.size(), where);
        for (int i = 0; i < numbers.length; i++) {
            // the same arithmetic; Math.sin/cos/atan2/pow may differ in the last bit between the JVM and V8
            assertEquals(numbers[i], actual.get(i + 2).asDouble(), 1e-7 * Math.max(1, Math.abs(numbers[i])), where);
        }
    }

    /** Runs tree.js on the specs under Node and hands over its answer for each spec, in order, as it comes. */
    private static void runScript(
            List<TreeSpec> specs, int width, int height, boolean shapes, BiConsumer<Integer, JsonNode> answers)
            throws Exception {
        ArrayNode input = JSON.createArrayNode();
        for (TreeSpec s : specs) {
            ObjectNode o = input.addObject();
            o.put("seed", s.seed());
            o.put("species", s.species().name().toLowerCase(Locale.ROOT));
            o.put("season", s.season().name().toLowerCase(Locale.ROOT));
            o.put("progress", s.progress());
            o.put("milestones", s.milestones());
            o.put("width", width);
            o.put("height", height);
            o.put("shapes", shapes);
        }
        Path script = Path.of(
                TreeScriptAgreementTest.class.getResource("/tree/scenes.mjs").toURI());
        File errors = File.createTempFile("tree-scenes", ".err");
        errors.deleteOnExit();
        Process node = new ProcessBuilder(
                        "node", script.toString(), TREE_JS.toAbsolutePath().toString())
                .redirectError(errors)
                .start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(input));
        }
        int answered = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                answers.accept(answered++, JSON.readTree(line));
            }
        } catch (Throwable e) {
            node.destroyForcibly(); // a difference found (or the pipe broke): stop drawing the rest
            throw e;
        }
        boolean ended = node.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly();
        }
        String stderr = Files.readString(errors.toPath());
        assertTrue(ended && node.exitValue() == 0, "node " + script + " failed: " + stderr);
        assertEquals(specs.size(), answered, "answers from tree.js; stderr: " + stderr);
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? v : null;
        } catch (Exception e) {
            return null;
        }
    }
}
