package com.writerstree.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.error.ErrorEnvelope;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * Installs, before any resource runs: the request id (accepted or generated, echoed on the response, put in
 * the logging context), the early refusal of a declared body over {@code quarkus.http.limits.max-body-size},
 * and a failure handler that answers HTTP-layer failures (oversized body, ...) in the §7.1 envelope instead of
 * an empty body.
 */
@ApplicationScoped
public class EdgeRoutes {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assignRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::renderFailure);
        // just before Quarkus' own length check, which would answer a bare 413 without the envelope
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::rejectDeclaredOversize);
    }

    /** A declared {@code Content-Length} over the limit is refused before anything is read. */
    private void rejectDeclaredOversize(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = maxBodySize.asLongValue();
        if (length != null && parseLength(length) > limit) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            rc.response().endHandler(ignored -> rc.request().connection().close());
            write(
                    rc,
                    413,
                    ErrorEnvelope.of(
                            ErrorCode.PAYLOAD_TOO_LARGE.name(),
                            ErrorCode.PAYLOAD_TOO_LARGE.defaultMessage(),
                            Map.of("maxBytes", limit),
                            rc.request().getHeader(RequestIds.HEADER)));
            return;
        }
        rc.next();
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x itself rejects a malformed Content-Length
        }
    }

    private void assignRequestId(RoutingContext rc) {
        String id = RequestIds.acceptOrGenerate(rc.request().getHeader(RequestIds.HEADER));
        rc.request().headers().set(RequestIds.HEADER, id);
        rc.response().putHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        rc.addEndHandler(ignored -> MDC.remove(RequestIds.MDC_KEY));
        rc.next();
    }

    private void renderFailure(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        ErrorCode code = switch (rc.statusCode()) {
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 400 -> ErrorCode.VALIDATION_ERROR;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (code == null) {
            rc.next();
            return;
        }
        write(
                rc,
                code.status(),
                ErrorEnvelope.of(
                        code.name(),
                        code.defaultMessage(),
                        Map.of(),
                        rc.request().getHeader(RequestIds.HEADER)));
    }

    private void write(RoutingContext rc, int status, ErrorEnvelope envelope) {
        try {
            rc.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(status).end();
        }
    }
}
