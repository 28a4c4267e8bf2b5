package com.writerstree.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid ({@code docker-compose config -q}, offline), brings up every service with health
 * checks and ordered start-up, uses pinned images, and builds the images from sources (deploy/docker/Dockerfile)
 * without sending local state (.run/, target/) to the build.
 */
class DockerComposeTest {

    private static final Set<String> ONE_SHOT = Set.of("kafka-topics");
    private static final Set<String> EXPORTERS = Set.of("postgres-exporter", "redis-exporter");
    private static JsonNode config;

    /** The compose CLI: docker-compose (v1, Debian) or the docker compose plugin (v2). */
    static List<String> compose() {
        for (List<String> cmd : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            try {
                List<String> version = new ArrayList<>(cmd);
                version.add("version");
                if (Manifests.run(version, null).exit() == 0) {
                    return cmd;
                }
            } catch (UncheckedIOException e) {
                // not installed: try the next
            }
        }
        fail("docker-compose is not installed: the compose checks need it (offline; no Docker engine needed). "
                + "Install it: apt-get install docker-compose (deploy/lib/prereqs.sh does).");
        return List.of();
    }

    @BeforeAll
    static void renderConfig() {
        List<String> cmd = new ArrayList<>(compose());
        cmd.addAll(List.of("-f", Manifests.root().resolve("docker-compose.yml").toString(), "config"));
        Manifests.Result r = Manifests.run(cmd, Manifests.root());
        if (r.exit() != 0) {
            fail("docker-compose.yml is not valid:\n" + r.err());
        }
        var docs = Manifests.documents(r.out());
        assertEquals(1, docs.size());
        config = docs.get(0);
    }

    @Test
    void composeAcceptsTheFileQuietly() {
        List<String> cmd = new ArrayList<>(compose());
        cmd.addAll(List.of("-f", Manifests.root().resolve("docker-compose.yml").toString(), "config", "-q"));
        Manifests.Result r = Manifests.run(cmd, Manifests.root());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().isBlank() && r.err().isBlank(), "no warnings: " + r.out() + r.err());
    }

    @Test
    void everyServiceOfTheSuiteIsBuiltFromSourcesAndHealthChecked() {
        JsonNode services = config.path("services");
        for (String svc : Manifests.SERVICES) {
            JsonNode s = services.path(svc);
            assertFalse(s.isMissingNode(), "no compose service " + svc);
            assertEquals(
                    "deploy/docker/Dockerfile",
                    s.path("build").path("dockerfile").asText(),
                    svc);
            assertEquals(svc, s.path("build").path("args").path("SERVICE").asText(), svc);
            assertTrue(s.path("healthcheck").path("test").size() > 0, svc + " has no healthcheck");
            assertFalse(s.path("depends_on").isEmpty(), svc + " starts after its engines");
        }
    }

    @Test
    void startupWaitsForHealthyDependencies() {
        config.path("services")
                .fields()
                .forEachRemaining(e -> e.getValue().path("depends_on").fields().forEachRemaining(dep -> {
                    String condition = dep.getValue().path("condition").asText();
                    String target = dep.getKey();
                    String expected = ONE_SHOT.contains(target) ? "service_completed_successfully" : "service_healthy";
                    assertEquals(expected, condition, e.getKey() + " -> " + target);
                    assertTrue(
                            config.path("services").path(target).has("healthcheck") || ONE_SHOT.contains(target),
                            target + " is waited for but has no healthcheck");
                }));
    }

    @Test
    void everyImageIsPinned() {
        config.path("services").fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText();
            assertFalse(image.isEmpty(), e.getKey() + " has no image name");
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertTrue(tag.contains(":") && !tag.endsWith(":latest"), e.getKey() + ": " + image + " is not pinned");
            if (!Manifests.SERVICES.contains(e.getKey()) && !ONE_SHOT.contains(e.getKey())) {
                assertTrue(
                        e.getValue().has("healthcheck") || EXPORTERS.contains(e.getKey()),
                        e.getKey() + " has no healthcheck");
            }
        });
    }

    @Test
    void theS3ServiceListensWhereTheServicesLook() {
        JsonNode env = config.path("services").path("export-service").path("environment");
        assertEquals("http://s3:9000", env.path("S3_ENDPOINT").asText());
        assertTrue(
                config.path("services").path("s3").path("command").toString().contains(":9000"),
                "the S3 server listens on 9000");
    }

    @Test
    void boundFilesExist() {
        List<String> missingMonitoring = new ArrayList<>();
        config.path("services").fields().forEachRemaining(e -> {
            for (JsonNode v : e.getValue().path("volumes")) {
                String spec = v.isTextual() ? v.asText() : v.path("source").asText();
                String source = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
                if (!source.startsWith("/")) {
                    continue; // a named volume
                }
                Path p = Path.of(source);
                if (p.startsWith(Manifests.root().resolve("deploy/monitoring"))) {
                    if (!Files.exists(p)) {
                        missingMonitoring.add(Manifests.root().relativize(p).toString());
                    }
                } else {
                    assertTrue(Files.exists(p), e.getKey() + " mounts " + p + ", which does not exist");
                }
            }
        });
        Assumptions.assumeTrue(
                missingMonitoring.isEmpty(),
                "monitoring configuration not in this checkout yet (deploy/monitoring): " + missingMonitoring);
    }

    @Test
    void theImageBuildsFromSourcesAsNonRootAndLeavesLocalStateOut() throws IOException {
        Path root = Manifests.root();
        String dockerfile = Files.readString(root.resolve("deploy/docker/Dockerfile"));
        List<String> from =
                dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertTrue(from.size() >= 2, "multi-stage: a build stage and a runtime stage");
        from.forEach(l -> assertFalse(l.contains(":latest") || !l.split("\\s+")[1].contains(":"), l));
        assertTrue(dockerfile.contains("mvn "), "the build stage builds the jars (a clean checkout has none)");
        assertFalse(dockerfile.contains("COPY ${SERVICE}/target"), "no prebuilt jars from the checkout");
        String lastUser = dockerfile
                .lines()
                .filter(l -> l.startsWith("USER "))
                .reduce((a, b) -> b)
                .orElse("USER root");
        assertFalse(lastUser.contains("root") || lastUser.matches("USER 0(:.*)?"), "runs as root: " + lastUser);

        List<String> ignored = Files.readAllLines(root.resolve(".dockerignore"));
        for (String needed : List.of(".run/", "**/target/", "*.pem", ".git")) {
            assertTrue(ignored.contains(needed), ".dockerignore must exclude " + needed);
        }
    }

    @Test
    void servicesUseTheirOwnDatabaseRoles() {
        for (String svc : Manifests.SERVICES) {
            if (svc.equals("sync-gateway")) {
                continue;
            }
            JsonNode env = config.path("services").path(svc).path("environment");
            assertEquals(
                    "wt_" + svc.substring(0, svc.indexOf('-')),
                    env.path("DB_USER").asText(),
                    svc);
        }
    }
}
