package com.writerstree.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the system-test stack runs. Every address comes from a system property (set by failsafe from this
 * module's pom, overridable with {@code -D}) and falls back to the ports {@code deploy/test.sh} uses.
 */
public final class Stack {

    /** The six services behind the gateway, by short name, with their system-test ports. */
    public static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "identity",
            18081,
            "project",
            18082,
            "content",
            18083,
            "export",
            18084,
            "stats",
            18085,
            "suggestion",
            18086);

    public static final List<String> SERVICES =
            List.of("identity", "project", "content", "export", "stats", "suggestion");

    private Stack() {}

    public static String gatewayUrl() {
        return prop("wt.gateway.url", "http://127.0.0.1:13000");
    }

    public static String serviceUrl(String name) {
        return prop("wt.service." + name + ".url", "http://127.0.0.1:" + SERVICE_PORTS.get(name));
    }

    /**
     * A service's management interface (its /q/metrics): deploy/stack.sh puts it at the service port + 100 (of the
     * configured service URL, so a private stack's ports work too).
     */
    public static String managementUrl(String name) {
        java.net.URI service = java.net.URI.create(serviceUrl(name));
        return prop(
                "wt.service." + name + ".management.url",
                service.getScheme() + "://" + service.getHost() + ":" + (service.getPort() + 100));
    }

    public static String dbUrl() {
        return prop("wt.db.url", "jdbc:postgresql://127.0.0.1:5432/writerstree_it");
    }

    public static String dbUser() {
        return prop("wt.db.user", "postgres");
    }

    public static String dbPassword() {
        return prop("wt.db.password", "");
    }

    public static String greenMailUrl() {
        return prop("wt.greenmail.url", "http://127.0.0.1:8025");
    }

    /** host:port of the Kafka broker the stack uses (to check that it really went down). */
    public static String kafkaBootstrap() {
        return prop("wt.kafka.bootstrap", "127.0.0.1:9092");
    }

    /** The repository root (holds deploy/engines/engines.sh); falls back to the parent of this module. */
    public static Path repoRoot() {
        Path configured =
                Path.of(prop("wt.repo.root", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path candidate = configured; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("deploy/engines/engines.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/engines/engines.sh not found at or above " + configured
                + " (set -Dwt.repo.root to the repository root)");
    }

    private static String prop(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * A second gateway replica of the same stack ({@code -Dwt.gateway2.url}; deploy/stack.sh starts one when the
     * stack's env sets GATEWAY2_PORT). Falls back to the first gateway: multi-device tests then run on one replica.
     */
    public static String gateway2Url() {
        return prop("wt.gateway2.url", gatewayUrl());
    }

    /** The WebSocket sync endpoint of a gateway base URL. */
    public static String syncUrl(String gatewayUrl) {
        return gatewayUrl.replaceFirst("^http", "ws") + "/ws/sync";
    }
}
