package com.writerstree.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upgrading one service is one changed image tag in an overlay: in a copy of deploy/k8s, each service's
 * {@code newTag} is bumped in turn and the built manifests are compared with the unchanged build. Only that
 * service's objects may change (its Deployment's image), and no immutable field of any object (Deployment
 * selectors, Job templates) may change, so {@code kubectl apply} succeeds and touches nothing else.
 */
class VersionBumpTest {

    private static Path copy;
    private static final Map<String, Map<String, ObjectNode>> BASELINE = new LinkedHashMap<>();

    /** Every service in production; one in the development overlay (same mechanism, tag without registry). */
    static Stream<String[]> bumps() {
        return Stream.concat(
                Manifests.SERVICES.stream().map(svc -> new String[] {"overlays/prod", svc}),
                Stream.<String[]>of(new String[] {"overlays/dev", "content-service"}));
    }

    @BeforeAll
    static void copyManifests() throws IOException {
        copy = Files.createTempDirectory("wt-k8s-bump");
        Path src = Manifests.k8s();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @AfterAll
    static void deleteCopy() throws IOException {
        try (Stream<Path> files = Files.walk(copy)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Map<String, ObjectNode> build(String overlay) {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        for (ObjectNode doc : Manifests.documents(Manifests.build(copy.resolve(overlay)))) {
            objects.put(Manifests.id(doc), doc);
        }
        return objects;
    }

    @ParameterizedTest(name = "{0}: new version of {1}")
    @MethodSource("bumps")
    void aVersionBumpChangesOnlyThatServiceAndNoImmutableField(String overlay, String service) throws IOException {
        Map<String, ObjectNode> before = BASELINE.computeIfAbsent(overlay, VersionBumpTest::build);
        Path kustomization = copy.resolve(overlay).resolve("kustomization.yaml");
        String original = Files.readString(kustomization);
        String bumped = bumpTag(original, service, "9.9.9-bump");
        Map<String, ObjectNode> after;
        try {
            Files.writeString(kustomization, bumped);
            after = build(overlay);
        } finally {
            Files.writeString(kustomization, original);
        }

        assertEquals(before.keySet(), after.keySet(), "a version bump adds or removes no object");
        Set<String> changed = new TreeSet<>();
        for (String id : before.keySet()) {
            JsonNode a = before.get(id);
            JsonNode b = after.get(id);
            assertImmutableFieldsKept(id, a, b);
            if (!a.equals(b)) {
                changed.add(id);
                assertEquals(
                        service,
                        b.path("metadata")
                                .path("labels")
                                .path("app.kubernetes.io/name")
                                .asText(),
                        id + " changed, but it is not " + service + "'s");
            }
        }
        assertEquals(Set.of("Deployment/" + namespace(before) + "/" + service), changed, "changed objects");
        ObjectNode deployment = after.get("Deployment/" + namespace(before) + "/" + service);
        assertTrue(
                deployment.at("/spec/template/spec/containers/0/image").asText().endsWith(":9.9.9-bump"),
                "the new tag reaches the Deployment");
    }

    /** The overlay's images: entry for the service, with its newTag replaced. */
    static String bumpTag(String kustomization, String service, String tag) {
        Pattern entry = Pattern.compile(
                "(- name: writerstree/" + Pattern.quote(service) + "\\n(?:\\s+newName: \\S+\\n)?\\s+newTag: )(\\S+)");
        Matcher m = entry.matcher(kustomization);
        assertTrue(m.find(), "no images: entry with newTag for " + service + " in the overlay");
        String result = m.replaceFirst("$1" + tag);
        assertNotEquals(kustomization, result);
        return result;
    }

    private static String namespace(Map<String, ObjectNode> objects) {
        return objects.values()
                .iterator()
                .next()
                .path("metadata")
                .path("namespace")
                .asText("-");
    }

    /** Fields the API server refuses to change on apply. */
    private static void assertImmutableFieldsKept(String id, JsonNode before, JsonNode after) {
        String kind = before.path("kind").asText();
        for (String path : immutablePaths(kind)) {
            assertEquals(before.at(path), after.at(path), id + ": immutable " + path + " changed");
        }
        if (kind.equals("Job")) {
            assertEquals(before, after, id + ": a Job's template is immutable; no version may reach it");
        }
    }

    private static List<String> immutablePaths(String kind) {
        return switch (kind) {
            case "Deployment", "ReplicaSet", "DaemonSet" -> List.of("/spec/selector");
            case "StatefulSet" -> List.of("/spec/selector", "/spec/serviceName", "/spec/volumeClaimTemplates");
            case "Service" -> List.of("/spec/clusterIP", "/spec/type");
            case "Job" -> List.of("/spec/selector", "/spec/template");
            case "PersistentVolumeClaim" -> List.of("/spec/storageClassName", "/spec/accessModes");
            case "Secret", "ConfigMap" -> List.of("/immutable");
            default -> List.of();
        };
    }
}
