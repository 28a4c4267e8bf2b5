package com.writerstree.gateway.api;

import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.limits.EdgeLimits;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What applies to every gateway response, before routing (README "Edge headers"): security headers, HSTS over TLS,
 * CORS (spec §6.1; preflights answered here, without authentication) and response compression. (A declared body over
 * the limit is refused by the platform's EdgeRoutes; bodies without a length are cut by the routes' body handler.)
 */
@ApplicationScoped
public class EdgeFilters {

    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY");
    /** The Swagger UI page needs its own scripts and styles. */
    static final String DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    public static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Content-Type, Authorization, X-Request-Id";
    static final String EXPOSED_HEADERS = "X-Request-Id, Retry-After";
    /** Bodies up to this size are sent as they are. */
    static final int COMPRESSION_THRESHOLD = 1024;

    static final String NO_COMPRESSION = "X-No-Compression";

    private final GatewayConfig config;

    private final EdgeLimits limits;

    EdgeFilters(GatewayConfig config, EdgeLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    private Set<String> origins;

    void install(@Observes Router router) {
        origins = Set.copyOf(config.cors().origins());
        router.route().order(Integer.MIN_VALUE).handler(this::edge);
    }

    private void edge(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader("Origin");
        boolean allowedOrigin = origin != null && origins.contains(origin);
        boolean tls = overTls(request);
        boolean compress = acceptsGzip(request) && request.getHeader(NO_COMPRESSION) == null;
        boolean docs = rc.normalizedPath().startsWith("/api-docs");
        boolean webClient = WebClientRoutes.serves(rc.normalizedPath());
        // set when the headers are written, so that no upstream header and no error path can drop them
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            SECURITY_HEADERS.forEach(headers::set);
            if (docs) {
                headers.set("Content-Security-Policy", DOCS_CSP);
            } else if (webClient) {
                headers.set("Content-Security-Policy", WebClientRoutes.CSP);
            }
            if (tls) {
                headers.set("Strict-Transport-Security", HSTS);
            } else {
                headers.remove("Strict-Transport-Security");
            }
            cors(headers, allowedOrigin ? origin : null);
            compression(headers, compress);
        });
        if (origin != null
                && request.method() == HttpMethod.OPTIONS
                && request.getHeader("Access-Control-Request-Method") != null) {
            // preflight: answered at the edge, never authenticated nor forwarded
            if (allowedOrigin) {
                rc.response()
                        .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                        .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .putHeader("Access-Control-Max-Age", "600");
            }
            rc.response().setStatusCode(204).end();
            return;
        }
        rc.next();
    }

    private static void cors(MultiMap headers, String allowedOrigin) {
        // a service's own CORS headers never reach the client: the edge decides
        headers.names().stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith("access-control-allow-origin")
                        || n.equalsIgnoreCase("Access-Control-Allow-Credentials"))
                .toList()
                .forEach(headers::remove);
        if (allowedOrigin == null) {
            headers.remove("Access-Control-Allow-Methods");
            headers.remove("Access-Control-Allow-Headers");
            headers.remove("Access-Control-Max-Age");
            headers.remove("Access-Control-Expose-Headers");
            return;
        }
        headers.set("Access-Control-Allow-Origin", allowedOrigin);
        headers.set("Access-Control-Allow-Credentials", "true");
        headers.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        headers.add("Vary", "Origin");
    }

    /**
     * quarkus.http.enable-compression puts {@code Content-Encoding: identity} on every response (= not compressed);
     * removing it lets Vert.x gzip the body. Done for text-like bodies over 1 KiB when the client accepts gzip.
     */
    static void compression(MultiMap headers, boolean clientWantsIt) {
        String encoding = headers.get("Content-Encoding");
        if (encoding != null && !"identity".equalsIgnoreCase(encoding)) {
            return; // already encoded upstream
        }
        headers.add("Vary", "Accept-Encoding");
        if (clientWantsIt && compressible(headers.get("Content-Type")) && large(headers.get("Content-Length"))) {
            headers.remove("Content-Encoding");
        } else {
            headers.set("Content-Encoding", "identity");
        }
    }

    private static boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json")
                || type.startsWith("text/")
                || type.contains("javascript")
                || type.contains("+json")
                || type.startsWith("application/xml");
    }

    private static boolean large(String contentLength) {
        if (contentLength == null) {
            return true; // streamed: size unknown, usually large
        }
        try {
            return Long.parseLong(contentLength.trim()) > COMPRESSION_THRESHOLD;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean acceptsGzip(HttpServerRequest request) {
        String accept = request.getHeader("Accept-Encoding");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private boolean overTls(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        String peer =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return proto != null && "https".equalsIgnoreCase(proto.split(",")[0].trim()) && limits.isTrustedProxy(peer);
    }
}
