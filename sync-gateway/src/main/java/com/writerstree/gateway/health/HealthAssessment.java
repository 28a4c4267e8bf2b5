package com.writerstree.gateway.health;

import static com.writerstree.gateway.health.HealthReport.DEGRADED;
import static com.writerstree.gateway.health.HealthReport.HEALTHY;
import static com.writerstree.gateway.health.HealthReport.UNHEALTHY;
import static com.writerstree.gateway.health.HealthReport.UNKNOWN;
import static com.writerstree.gateway.health.HealthReport.WARNING;

import com.writerstree.gateway.client.Upstream;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns the raw probe results into the §9.1 report (pure: no I/O).
 *
 * <p>Engines the gateway does not talk to itself are read from the services' readiness reports: a check that no
 * reachable service reports (yet) is {@code unknown}, and unknown never degrades the status (the service itself
 * already counts as unhealthy when it is unreachable). {@code disk} below 1 GB free is a {@code warning}, which
 * does not degrade either.
 */
public final class HealthAssessment {

    static final String DATABASE_CHECK = "Database connections health check";
    static final String KAFKA_CHECK = "Kafka connection health check";
    static final String SMTP_CHECK = "SMTP";
    static final String S3_CHECK = "S3";
    static final long DISK_THRESHOLD_BYTES = 1_000_000_000L;

    /** A service's readiness probe: its HTTP status and parsed body, or unreachable. */
    public record Readiness(int status, JsonObject body) {

        public static Readiness unreachable() {
            return new Readiness(0, null);
        }

        public static Readiness of(int status, String body) {
            try {
                return new Readiness(status, body == null || body.isBlank() ? null : new JsonObject(body));
            } catch (DecodeException e) {
                return new Readiness(status, null);
            }
        }

        boolean up() {
            return status == 200 && body != null && "UP".equalsIgnoreCase(body.getString("status"));
        }

        /** The status ("UP"/"DOWN") of the named check, empty when the service does not report it. */
        Optional<String> check(String name) {
            if (body == null || !(body.getValue("checks") instanceof JsonArray checks)) {
                return Optional.empty();
            }
            return checks.stream()
                    .filter(JsonObject.class::isInstance)
                    .map(JsonObject.class::cast)
                    .filter(c -> name.equalsIgnoreCase(c.getString("name", "")))
                    .map(c -> c.getString("status", "DOWN").toUpperCase(Locale.ROOT))
                    .findFirst();
        }
    }

    private HealthAssessment() {}

    public static HealthReport assess(
            boolean redisUp,
            Map<Upstream, Readiness> services,
            long freeDiskBytes,
            HealthReport.Memory memory,
            Instant now,
            double uptimeSeconds) {
        Map<String, String> serviceStates = new LinkedHashMap<>();
        for (Upstream upstream : Upstream.values()) {
            Readiness r = services.getOrDefault(upstream, Readiness.unreachable());
            serviceStates.put(upstream.serviceName(), r.up() ? HEALTHY : UNHEALTHY);
        }
        String database = everywhere(services.values().stream(), DATABASE_CHECK);
        String kafka = everywhere(services.values().stream(), KAFKA_CHECK);
        String smtp = everywhere(Stream.ofNullable(services.get(Upstream.IDENTITY)), SMTP_CHECK);
        String s3 = everywhere(Stream.ofNullable(services.get(Upstream.EXPORT)), S3_CHECK);
        String redis = redisUp ? HEALTHY : UNHEALTHY;
        String disk = freeDiskBytes > DISK_THRESHOLD_BYTES ? HEALTHY : WARNING;

        List<String> counted = new ArrayList<>(List.of(database, redis, kafka, s3, smtp));
        counted.addAll(serviceStates.values());
        String status = counted.contains(UNHEALTHY) ? DEGRADED : HEALTHY;
        return new HealthReport(
                status,
                now,
                uptimeSeconds,
                new HealthReport.Checks(database, redis, kafka, s3, smtp, disk, memory, serviceStates));
    }

    /** healthy when every service reporting the check has it UP, unhealthy when one has it down, else unknown. */
    private static String everywhere(Stream<Readiness> reports, String check) {
        List<String> states =
                reports.map(r -> r.check(check)).flatMap(Optional::stream).toList();
        if (states.isEmpty()) {
            return UNKNOWN;
        }
        return states.stream().allMatch("UP"::equals) ? HEALTHY : UNHEALTHY;
    }

    /** Bytes as whole megabytes, e.g. {@code "123MB"}. */
    public static String megabytes(long bytes) {
        return bytes < 0 ? UNKNOWN : Math.round(bytes / 1024.0 / 1024.0) + "MB";
    }
}
