package com.writerstree.gateway.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * What applies to every gateway response, before routing: the security headers. (A declared body over the
 * limit is refused by the platform's EdgeRoutes; bodies without a length are cut by the routes' body handler.)
 */
@ApplicationScoped
public class EdgeFilters {

    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::securityHeaders);
    }

    private void securityHeaders(RoutingContext rc) {
        // set when the headers are written, so that no upstream header and no error path can drop them
        rc.addHeadersEndHandler(ignored -> SECURITY_HEADERS.forEach(rc.response().headers()::set));
        rc.next();
    }
}
