package com.writerstree.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The optional alert-rules component (the PrometheusRule maintained in deploy/monitoring/k8s) added to the
 * prod-monitored overlay builds, as the README tells operators to do, and every object stays valid.
 */
class AlertRulesComponentTest {

    @Test
    void prodMonitoredWithAlertRulesBuildsAndValidates() throws IOException {
        Path rule = Manifests.root().resolve("deploy/monitoring/k8s/prometheusrule.yaml");
        Assumptions.assumeTrue(Files.exists(rule), "no " + rule + " in this checkout (deploy/monitoring)");

        Path copy = Files.createTempDirectory("wt-k8s-alerts");
        try {
            copyTree(Manifests.root().resolve("deploy/k8s"), copy.resolve("deploy/k8s"));
            copyTree(Manifests.root().resolve("deploy/monitoring"), copy.resolve("deploy/monitoring"));
            Path kustomization = copy.resolve("deploy/k8s/overlays/prod-monitored/kustomization.yaml");
            String text = Files.readString(kustomization);
            Files.writeString(
                    kustomization,
                    text.replace(
                            "  - ../../components/prometheus-operator\n",
                            "  - ../../components/prometheus-operator\n  - ../../components/alert-rules\n"));
            String yaml = Manifests.build(
                    copy.resolve("deploy/k8s/overlays/prod-monitored"), "--load-restrictor", "LoadRestrictionsNone");
            List<ObjectNode> docs = Manifests.documents(yaml);
            docs.forEach(Manifests::strict);
            assertTrue(
                    docs.stream().anyMatch(d -> d.path("kind").asText().equals("PrometheusRule")),
                    "the PrometheusRule is part of the build");
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
