package com.writerstree.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorEnvelope;
import com.writerstree.platform.web.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes the gateway's own answers: JSON bodies and the §7.1 error envelope (with the request id). */
@ApplicationScoped
public class EdgeResponses {

    private final ObjectMapper mapper;

    EdgeResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void error(RoutingContext rc, ApiException e) {
        json(rc, e.status(), ErrorEnvelope.of(e, rc.request().getHeader(RequestIds.HEADER)));
    }

    public void json(RoutingContext rc, int status, Object body) {
        if (rc.response().ended()) {
            return;
        }
        String encoded;
        try {
            encoded = body instanceof String s ? s : mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode a gateway response", e);
        }
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(encoded));
    }
}
