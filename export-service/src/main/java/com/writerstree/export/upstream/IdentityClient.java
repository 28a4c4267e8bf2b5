package com.writerstree.export.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** identity-service: the author's name and e-mail for title pages. URL: {@code quarkus.rest-client.identity-service.url}. */
@RegisterRestClient(configKey = "identity-service")
@Path("/users/me")
@Produces(MediaType.APPLICATION_JSON)
public interface IdentityClient {

    @GET
    @Timeout(3000)
    @Retry(
            maxRetries = 1,
            delay = 100,
            retryOn = {ProcessingException.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failOn = {ProcessingException.class, TimeoutException.class})
    ProfileEnvelope me(
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProfileEnvelope(Profile data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(String email, String fullName) {}
}
