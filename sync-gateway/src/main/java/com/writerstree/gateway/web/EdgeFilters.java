package com.writerstree.gateway.web;

import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * What applies to every gateway response, before routing: the security headers and the early request-size
 * check (a declared {@code Content-Length} over {@code gateway.max-body-size} answers 413 in the envelope
 * before anything is read or forwarded; bodies without a length are cut by the body handler of the routes).
 */
@ApplicationScoped
public class EdgeFilters {

    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-Frame-Options", "DENY");

    @Inject
    GatewayConfig config;

    @Inject
    EdgeResponses responses;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::securityHeaders);
        // just before Quarkus' own length check (which would answer a bare 413 without the envelope)
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::declaredLength);
    }

    private void securityHeaders(RoutingContext rc) {
        // set when the headers are written, so that no upstream header and no error path can drop them
        rc.addHeadersEndHandler(ignored -> SECURITY_HEADERS.forEach(rc.response().headers()::set));
        rc.next();
    }

    private void declaredLength(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = config.maxBodySize().asLongValue();
        if (length != null && parse(length) > limit) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            rc.response().endHandler(ignored -> rc.request().connection().close());
            responses.error(rc, new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                    ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage(), Map.of("maxBytes", limit)));
            return;
        }
        rc.next();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x itself rejects a malformed Content-Length
        }
    }
}
