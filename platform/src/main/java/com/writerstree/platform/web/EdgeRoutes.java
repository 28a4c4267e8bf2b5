package com.writerstree.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.error.ErrorEnvelope;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Installs, before any resource runs: the request id (accepted or generated, echoed on the response, put in
 * the logging context) and a failure handler that answers HTTP-layer failures (oversized body, ...) in the
 * §7.1 envelope instead of an empty body.
 */
@ApplicationScoped
public class EdgeRoutes {

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assignRequestId);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::renderFailure);
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
        write(rc, code.status(), ErrorEnvelope.of(code.name(), code.defaultMessage(), Map.of(),
                rc.request().getHeader(RequestIds.HEADER)));
    }

    private void write(RoutingContext rc, int status, ErrorEnvelope envelope) {
        try {
            rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(status).end();
        }
    }
}
