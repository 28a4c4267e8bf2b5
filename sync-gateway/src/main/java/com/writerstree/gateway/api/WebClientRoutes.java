package com.writerstree.gateway.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Serves the browser client (module {@code web-client}: plain ES modules + CSS under {@code META-INF/resources} of a
 * jar on the class path). Only GET/HEAD of these paths are answered here, before the API routing:
 *
 * <ul>
 *   <li>{@code /app/<file>.{js,css,svg}}: the client's files;
 *   <li>the client's own routes ({@link #SPA_ROUTES}: {@code /}, {@code /verify-email}, {@code /reset-password}, {@code /cancel-deletion},
 *       {@code /projects/...}, ...): {@code index.html}, the client then reads the path (the links in the suite's
 *       mails open these pages).
 * </ul>
 *
 * <p>Everything else ({@code /api/v1/**}, {@code /v1/**}, {@code /health}, {@code /ws/sync}, {@code /api-docs},
 * {@code /q/*}, {@code /socket.io/}) never matches and keeps its own handling. The files are small and read once
 * from the class path, then kept in memory.
 */
@ApplicationScoped
public class WebClientRoutes {

    private static final Logger LOG = Logger.getLogger(WebClientRoutes.class);

    /** Paths of the client's pages: all answer index.html. */
    static final Pattern SPA_ROUTES = Pattern.compile(
            "^/(|index\\.html|signin|signup|stats|forgot-password|reset-password|verify-email|cancel-deletion|projects(/[A-Za-z0-9_-]+){0,2})/?$");
    /** The client's static files: one or more plain segments under /app, no dot segments. */
    static final Pattern ASSETS = Pattern.compile("^/app(/[A-Za-z0-9_-]+)+\\.(js|css|svg)$");

    /** The client's pages may load their own scripts, styles and images, and open the sync WebSocket. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self' ws: wss:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String ROOT = "META-INF/resources";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    void init(@Observes Router router) {
        // after the edge filters and the API docs, before the API routing (GatewayRoutes)
        router.route().order(Integer.MIN_VALUE + 20).handler(this::serve);
    }

    /** Whether the path is one of the client's pages or files (also used for their CSP). */
    public static boolean serves(String path) {
        return path != null
                && (SPA_ROUTES.matcher(path).matches() || ASSETS.matcher(path).matches());
    }

    private void serve(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        String path = rc.normalizedPath();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !serves(path)) {
            rc.next();
            return;
        }
        String file = ASSETS.matcher(path).matches() ? path.substring(1) : "index.html";
        Optional<byte[]> cached = cache.get(file);
        if (cached != null) {
            answer(rc, file, cached);
            return;
        }
        rc.vertx()
                .<Optional<byte[]>>executeBlocking(() -> cache.computeIfAbsent(file, WebClientRoutes::read))
                .onComplete(read -> {
                    if (read.succeeded()) {
                        answer(rc, file, read.result());
                    } else {
                        rc.fail(read.cause());
                    }
                });
    }

    private static void answer(RoutingContext rc, String file, Optional<byte[]> body) {
        if (body.isEmpty()) {
            rc.next(); // not packaged: the API routing answers its 404 envelope
            return;
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        rc.response()
                .putHeader("Content-Type", TYPES.get(extension))
                // small files, always revalidated, so that a new build is picked up on the next load
                .putHeader("Cache-Control", "no-cache")
                .setStatusCode(200);
        if (rc.request().method() == HttpMethod.HEAD) {
            rc.response()
                    .putHeader("Content-Length", String.valueOf(body.get().length))
                    .end();
        } else {
            rc.response().end(Buffer.buffer(body.get()));
        }
    }

    private static Optional<byte[]> read(String file) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(ROOT + "/" + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            LOG.warnf("Cannot read the web client's %s: %s", file, e.toString());
            return Optional.empty();
        }
    }
}
