package com.writerstree.gateway.api;

import com.writerstree.gateway.client.Upstream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's whole routing table, as data, and the one pure function that matches a request against it.
 *
 * <p>Paths are accepted under {@code /api/v1} and {@code /v1} (the prefix is stripped before matching and
 * forwarding); {@code /health} is also accepted without a prefix. Patterns are segment lists: a literal
 * segment, {@code {name}} (exactly one non-empty segment, captured) or a final {@code **} (one or more
 * further segments). A route without methods accepts every method and lets the service answer 405 itself.
 */
public final class RouteTable {

    /** What the gateway does with a matched request. */
    public enum Handling {
        /** Forward to {@link Route#upstream()} unchanged (apart from the edge headers). */
        FORWARD,
        /** GET /projects/{id}: project-service + content-service in parallel, composed. */
        COMPOSE_PROJECT,
        /** The gateway's own aggregated health report. */
        HEALTH
    }

    public record Route(String pattern, Set<String> methods, Handling handling, Upstream upstream, boolean isPublic) {

        boolean allows(String method) {
            return methods.isEmpty() || methods.contains(method);
        }
    }

    /** The result of {@link #match}. */
    public sealed interface Match permits Found, MethodNotAllowed, NotFound {}

    /** A route accepts the request; {@code path} is the path to forward (prefix stripped). */
    public record Found(Route route, String path, Map<String, String> params) implements Match {}

    /** The path is known but not with this method; {@code allowed} goes in the {@code Allow} header. */
    public record MethodNotAllowed(Set<String> allowed) implements Match {}

    public record NotFound() implements Match {}

    public static final List<String> PREFIXES = List.of("/api/v1", "/v1");

    private static final Set<String> ANY = Set.of();

    public static final List<Route> ROUTES = List.of(
            open("/health", Set.of("GET"), Handling.HEALTH, null),
            open("/auth/**", ANY, Handling.FORWARD, Upstream.IDENTITY),
            secured("/users/me", Set.of("GET", "PATCH", "DELETE"), Upstream.IDENTITY),
            secured("/users/me/stats", ANY, Upstream.STATS),
            secured("/users/me/export", ANY, Upstream.EXPORT),
            secured("/users/me/export/{id}", Set.of("GET"), Upstream.EXPORT),
            secured("/projects", Set.of("GET", "POST"), Upstream.PROJECT),
            new Route("/projects/{id}", Set.of("GET"), Handling.COMPOSE_PROJECT, null, false),
            secured("/projects/{id}", Set.of("PATCH", "DELETE"), Upstream.PROJECT),
            secured("/projects/{id}/restore", ANY, Upstream.PROJECT),
            secured("/projects/{id}/content", ANY, Upstream.CONTENT),
            secured("/projects/{id}/versions", ANY, Upstream.CONTENT),
            secured("/projects/{id}/versions/**", ANY, Upstream.CONTENT),
            secured("/projects/{id}/export", ANY, Upstream.EXPORT),
            secured("/projects/{id}/export-tree", ANY, Upstream.EXPORT),
            secured("/exports", Set.of("GET"), Upstream.EXPORT),
            secured("/exports/{id}", Set.of("GET"), Upstream.EXPORT),
            secured("/projects/{id}/stats", ANY, Upstream.STATS),
            secured("/projects/{id}/milestones/**", ANY, Upstream.STATS),
            secured("/analytics/**", ANY, Upstream.STATS),
            secured("/suggestions", ANY, Upstream.SUGGESTION));

    private RouteTable() {}

    /**
     * Matches a request. {@code path} is the (normalized) request path including its prefix, without the query.
     */
    public static Match match(String method, String path) {
        String local = stripPrefix(path);
        if (local == null) {
            return new NotFound();
        }
        List<String> segments = segments(local);
        Set<String> allowed = new TreeSet<>();
        for (Route route : ROUTES) {
            Map<String, String> params = bind(segments(route.pattern()), segments);
            if (params == null) {
                continue;
            }
            if (route.allows(method)) {
                return new Found(route, "/" + String.join("/", segments), params);
            }
            allowed.addAll(route.methods());
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(allowed);
    }

    /** The path without its {@code /api/v1} or {@code /v1} prefix; {@code /health} as is; otherwise null. */
    static String stripPrefix(String path) {
        if (path == null) {
            return null;
        }
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix + "/")) {
                return path.substring(prefix.length());
            }
        }
        return path.equals("/health") || path.equals("/health/") ? "/health" : null;
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
    }

    /** The captured parameters when {@code pattern} matches {@code actual}, else null. */
    private static Map<String, String> bind(List<String> pattern, List<String> actual) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.equals("**")) {
                List<String> rest = actual.subList(Math.min(i, actual.size()), actual.size());
                return rest.isEmpty() || rest.contains("") ? null : params;
            }
            if (i >= actual.size() || actual.get(i).isEmpty()) {
                return null;
            }
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), actual.get(i));
            } else if (!p.equals(actual.get(i))) {
                return null;
            }
        }
        return pattern.size() == actual.size() ? params : null;
    }

    private static Route open(String pattern, Set<String> methods, Handling handling, Upstream upstream) {
        return new Route(pattern, methods, handling, upstream, true);
    }

    private static Route secured(String pattern, Set<String> methods, Upstream upstream) {
        return new Route(pattern, methods, Handling.FORWARD, upstream, false);
    }
}
