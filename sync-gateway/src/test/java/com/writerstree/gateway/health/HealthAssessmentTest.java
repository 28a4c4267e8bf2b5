package com.writerstree.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.gateway.client.Upstream;
import com.writerstree.gateway.health.HealthAssessment.Readiness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthAssessmentTest {

    private static final HealthReport.Memory MEMORY = new HealthReport.Memory("10MB", "20MB", "30MB");
    private static final long PLENTY = 50_000_000_000L;

    @Test
    void everythingUpIsHealthy() {
        HealthReport report = assess(true, allUp(), PLENTY);

        assertEquals("healthy", report.status());
        HealthReport.Checks checks = report.checks();
        assertEquals("healthy", checks.database());
        assertEquals("healthy", checks.redis());
        assertEquals("healthy", checks.kafka());
        assertEquals("healthy", checks.smtp());
        assertEquals("healthy", checks.s3());
        assertEquals("healthy", checks.disk());
        assertEquals(6, checks.services().size());
        checks.services().values().forEach(state -> assertEquals("healthy", state));
    }

    @Test
    void checksNoServiceReportsAreUnknownAndDoNotDegrade() {
        Map<Upstream, Readiness> services = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            services.put(upstream, ready("UP", check("Database connections health check", "UP")));
        }
        HealthReport report = assess(true, services, PLENTY);

        assertEquals("healthy", report.status());
        assertEquals("unknown", report.checks().kafka());
        assertEquals("unknown", report.checks().smtp());
        assertEquals("unknown", report.checks().s3());
    }

    @Test
    void oneDatabaseDownDegrades() {
        Map<Upstream, Readiness> services = allUp();
        services.put(
                Upstream.CONTENT,
                ready(
                        "DOWN",
                        check("Database connections health check", "DOWN"),
                        check("Kafka connection health check", "UP")));
        HealthReport report = assess(true, services, PLENTY);

        assertEquals("degraded", report.status());
        assertEquals("unhealthy", report.checks().database());
        assertEquals("healthy", report.checks().kafka());
        assertEquals("unhealthy", report.checks().services().get("content-service"));
        assertEquals("healthy", report.checks().services().get("project-service"));
    }

    @Test
    void unreachableServicesAndRedisDegrade() {
        HealthReport report = assess(false, Map.of(), PLENTY);

        assertEquals("degraded", report.status());
        assertEquals("unhealthy", report.checks().redis());
        assertEquals("unknown", report.checks().database());
        report.checks().services().values().forEach(state -> assertEquals("unhealthy", state));
    }

    @Test
    void lowDiskIsOnlyAWarning() {
        HealthReport report = assess(true, allUp(), 500_000_000L);
        assertEquals("warning", report.checks().disk());
        assertEquals("healthy", report.status());
    }

    @Test
    void smtpAndS3ComeFromTheirOwners() {
        Map<Upstream, Readiness> services = allUp();
        services.put(Upstream.IDENTITY, ready("DOWN", check("SMTP", "DOWN")));
        HealthReport report = assess(true, services, PLENTY);
        assertEquals("unhealthy", report.checks().smtp());
        assertEquals("healthy", report.checks().s3());
    }

    @Test
    void sizesArePrintedInMegabytes() {
        assertEquals("128MB", HealthAssessment.megabytes(128L * 1024 * 1024));
        assertEquals("unknown", HealthAssessment.megabytes(-1));
    }

    private static HealthReport assess(boolean redis, Map<Upstream, Readiness> services, long disk) {
        return HealthAssessment.assess(redis, services, disk, MEMORY, Instant.EPOCH, 12.5);
    }

    private static Map<Upstream, Readiness> allUp() {
        Map<Upstream, Readiness> services = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            JsonArray checks = new JsonArray()
                    .add(check("Database connections health check", "UP"))
                    .add(check("Kafka connection health check", "UP"));
            if (upstream == Upstream.IDENTITY) {
                checks.add(check("SMTP", "UP"));
            }
            if (upstream == Upstream.EXPORT) {
                checks.add(check("S3", "UP"));
            }
            services.put(
                    upstream,
                    Readiness.of(
                            200,
                            new JsonObject()
                                    .put("status", "UP")
                                    .put("checks", checks)
                                    .encode()));
        }
        return services;
    }

    private static Readiness ready(String status, JsonObject... checks) {
        JsonArray list = new JsonArray();
        for (JsonObject check : checks) {
            list.add(check);
        }
        return Readiness.of(
                "UP".equals(status) ? 200 : 503,
                new JsonObject().put("status", status).put("checks", list).encode());
    }

    private static JsonObject check(String name, String status) {
        return new JsonObject().put("name", name).put("status", status);
    }
}
