package com.writerstree.platform.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring configuration in deploy/monitoring, validated the way Prometheus would read it: promtool checks
 * and unit-tests the alert rules and the scrape config, amtool the Alertmanager config, the Kubernetes
 * PrometheusRule is in sync with alerts.yml (deploy/monitoring/check.sh), and every query of the Grafana dashboard
 * is valid PromQL (promtool parses them as recording rules). No server is started; a few seconds.
 */
class MonitoringConfigTest {

    private static Path monitoring;

    @BeforeAll
    static void locate() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/monitoring/check.sh"))) {
                monitoring = p.resolve("deploy/monitoring");
                return;
            }
        }
        throw new IllegalStateException("deploy/monitoring/check.sh not found above " + System.getProperty("user.dir"));
    }

    @Test
    void rulesConfigAndPrometheusRulePassTheChecks() throws Exception {
        Result r = run(monitoring.resolve("check.sh").toString());
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("monitoring configuration OK"), r.output);
    }

    @Test
    void everyDashboardQueryIsValidPromQl() throws Exception {
        JsonNode dashboard = new ObjectMapper()
                .readTree(monitoring
                        .resolve("grafana/dashboards/writerstree.json")
                        .toFile());
        assertEquals("writerstree", dashboard.path("uid").asText());
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
                assertEquals("prometheus", target.path("datasource").path("uid").asText(), panel.toString());
            }
        }
        assertTrue(exprs.size() >= 20, "the dashboard has its panels: " + exprs.size());
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < exprs.size(); i++) {
            String expr = exprs.get(i);
            assertFalse(expr.isBlank());
            // Grafana's own interval variable is the only template variable the queries use
            String promql = expr.replace("$__rate_interval", "5m");
            assertFalse(promql.contains("$"), "unknown template variable in " + expr);
            rules.append("      - record: dashboard:query_").append(i).append('\n');
            rules.append("        expr: '").append(promql.replace("'", "''")).append("'\n");
        }
        Path file = Files.createTempFile("dashboard-queries", ".yml");
        try {
            Files.writeString(file, rules);
            Result r = run("promtool", "check", "rules", file.toString());
            assertEquals(0, r.exit, r.output);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(monitoring.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
