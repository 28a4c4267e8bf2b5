package com.writerstree.identity.api;

import com.writerstree.identity.domain.auth.RetryLaterException;
import com.writerstree.platform.error.ErrorEnvelope;
import com.writerstree.platform.web.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The §7.1 envelope of a {@link RetryLaterException} plus its {@code Retry-After} header. */
public class RetryLaterMapper {

    @ServerExceptionMapper
    public Response retryLater(RetryLaterException e, HttpServerRequest request) {
        return Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .entity(ErrorEnvelope.of(e, request.getHeader(RequestIds.HEADER)))
                .build();
    }
}
