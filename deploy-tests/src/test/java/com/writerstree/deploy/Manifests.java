package com.writerstree.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds Kustomize directories with {@code kubectl kustomize} (offline) and reads the result into the fabric8
 * Kubernetes model strictly: a field the Kubernetes API does not know fails the test (fabric8 keeps unknown fields
 * in {@code additionalProperties}; every one of them is checked to be empty, at every depth).
 */
final class Manifests {

    static final List<String> SERVICES = List.of(
            "identity-service",
            "project-service",
            "content-service",
            "export-service",
            "stats-service",
            "suggestion-service",
            "sync-gateway");

    /** Custom resources the suite declares whose model fabric8 does not ship (checked by {@link #checkKafkaTopic}). */
    static final Set<String> CUSTOM_KINDS = Set.of("kafka.strimzi.io/v1beta2/KafkaTopic");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {}

    static Path root() {
        String root = System.getProperty("wt.root");
        Path dir = root == null ? Path.of("..") : Path.of(root);
        Path abs = dir.toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(abs.resolve("deploy/k8s")), "no deploy/k8s under " + abs);
        return abs;
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    /** kubectl with a Kustomize that knows components and {@code patches} (kubectl 1.21+), or a clear failure. */
    static String kubectl() {
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        Result version;
        try {
            version = run(List.of(kubectl, "version", "--client"), null);
        } catch (UncheckedIOException e) {
            fail("kubectl is not installed (or not on PATH): the manifest checks build every overlay with "
                    + "`kubectl kustomize`, offline. Install kubectl 1.27 or newer (Kustomize v5; Debian's "
                    + "kubernetes-client 1.20 is too old) or point KUBECTL at one. " + e.getMessage());
            throw e;
        }
        Matcher m = Pattern.compile("Kustomize Version: v(\\d+)").matcher(version.out());
        if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
            fail("kubectl's Kustomize is too old for deploy/k8s (components, patches); need Kustomize v5 "
                    + "(kubectl 1.27+). `kubectl version --client` said: " + version.out());
        }
        return kubectl;
    }

    /** {@code kubectl kustomize dir}: the YAML an operator's {@code kubectl apply -k dir} would send. */
    static String build(Path dir, String... extraArgs) {
        List<String> cmd = new ArrayList<>(List.of(kubectl(), "kustomize"));
        cmd.addAll(List.of(extraArgs));
        cmd.add(dir.toString());
        Result r = run(cmd, null);
        if (r.exit() != 0) {
            fail("kubectl kustomize " + dir + " failed:\n" + r.err());
        }
        return r.out();
    }

    /** Every document of a multi-document YAML stream, as JSON trees. */
    static List<ObjectNode> documents(String yaml) {
        List<ObjectNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject()) {
                    docs.add((ObjectNode) doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static String id(JsonNode doc) {
        return doc.path("kind").asText() + "/"
                + doc.path("metadata").path("namespace").asText("-") + "/"
                + doc.path("metadata").path("name").asText();
    }

    static String typeOf(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    /**
     * Reads one object into its fabric8 model class and fails on anything the model does not know: an unknown
     * kind (unless declared in {@link #CUSTOM_KINDS}), an unknown field at any depth, a value of the wrong type.
     */
    static HasMetadata strict(ObjectNode doc) {
        String where = id(doc);
        if (CUSTOM_KINDS.contains(typeOf(doc))) {
            checkKafkaTopic(doc);
            ObjectMeta meta = JSON.convertValue(doc.get("metadata"), ObjectMeta.class);
            assertNoUnknownFields(meta, where + " metadata");
            return null;
        }
        KubernetesResource resource;
        try {
            resource = JSON.treeToValue(doc, KubernetesResource.class);
        } catch (IOException | RuntimeException e) {
            fail(where + " does not match the Kubernetes API schema: " + e.getMessage());
            return null;
        }
        if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata)) {
            fail(where + ": " + typeOf(doc) + " is not a known Kubernetes type (wrong apiVersion or kind?)");
        }
        assertNoUnknownFields(resource, where);
        return (HasMetadata) resource;
    }

    /** Strimzi KafkaTopic v1beta2: the fields the Topic Operator reads, with their types. */
    static void checkKafkaTopic(ObjectNode doc) {
        String where = id(doc);
        Set<String> top = Set.of("apiVersion", "kind", "metadata", "spec");
        doc.fieldNames().forEachRemaining(f -> assertTrue(top.contains(f), where + ": unknown field " + f));
        JsonNode spec = doc.path("spec");
        Set<String> fields = Set.of("topicName", "partitions", "replicas", "config");
        spec.fieldNames().forEachRemaining(f -> assertTrue(fields.contains(f), where + ": unknown field spec." + f));
        assertTrue(spec.path("partitions").isInt() && spec.path("partitions").asInt() > 0, where + " partitions");
        assertTrue(spec.path("replicas").isInt() && spec.path("replicas").asInt() > 0, where + " replicas");
        assertTrue(spec.path("topicName").isTextual(), where + " topicName");
        assertTrue(spec.path("config").isObject(), where + " config");
        assertTrue(
                doc.path("metadata").path("labels").has("strimzi.io/cluster"),
                where + ": label strimzi.io/cluster names the Kafka cluster");
    }

    /** Walks the model graph: every {@code getAdditionalProperties()} must be empty. */
    static void assertNoUnknownFields(Object root, String where) {
        walk(root, where, new IdentityHashMap<>());
    }

    private static void walk(Object o, String path, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, seen));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : o.getClass().getMethods()) {
            if (method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers())
                    || !method.getName().startsWith("get")
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = method.invoke(o);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (method.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    fail(path + ": fields unknown to the Kubernetes API: " + extra.keySet());
                }
                continue;
            }
            walk(value, path + "." + decap(method.getName().substring(3)), seen);
        }
    }

    private static String decap(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    record Result(int exit, String out, String err) {}

    static Result run(List<String> cmd, Path dir) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Path out = Files.createTempFile("wt-deploy", ".out");
            Path err = Files.createTempFile("wt-deploy", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(String.join(" ", cmd) + " did not finish in 60 s");
                }
                return new Result(
                        p.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
