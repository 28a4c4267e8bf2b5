package com.writerstree.platform.security;

import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.error.ErrorEnvelope;
import com.writerstree.platform.web.RequestIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards {@code /internal/**} in every service: without the right {@link ServiceCredential#HEADER} the answer is
 * 401 AUTHENTICATION_REQUIRED and the resource is never reached. User tokens do not open internal routes.
 */
public class ServiceCredentialFilter {

    private static final Logger LOG = Logger.getLogger(ServiceCredentialFilter.class);

    private final Optional<String> expected = ServiceCredential.configured();

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(ServiceCredential.PATH_PREFIX) && !path.equals("/internal")) {
            return null;
        }
        if (ServiceCredential.accepts(expected, request.getHeaderString(ServiceCredential.HEADER))) {
            return null;
        }
        if (expected.isEmpty()) {
            LOG.warn("Internal call refused: " + ServiceCredential.PROPERTY + " is not configured in this service");
        }
        return Response.status(401)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorEnvelope.of(
                        ErrorCode.AUTHENTICATION_REQUIRED.name(),
                        "A service credential is required",
                        Map.of(),
                        request.getHeaderString(RequestIds.HEADER)))
                .build();
    }
}
