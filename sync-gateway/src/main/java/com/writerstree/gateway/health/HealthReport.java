package com.writerstree.gateway.health;

import java.time.Instant;
import java.util.Map;

/** The body of {@code GET /health} (spec §9.1, extended with the suite's engines and services). */
public record HealthReport(String status, Instant timestamp, double uptime, Checks checks) {

    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    public static final String UNKNOWN = "unknown";
    public static final String WARNING = "warning";
    public static final String DEGRADED = "degraded";

    public record Checks(
            String database,
            String redis,
            String kafka,
            String s3,
            String smtp,
            String disk,
            Memory memory,
            Map<String, String> services) {}

    /** Sizes as the spec prints them, e.g. {@code "123MB"}. */
    public record Memory(String heapUsed, String heapTotal, String rss) {}

    public boolean healthy() {
        return HEALTHY.equals(status);
    }
}
