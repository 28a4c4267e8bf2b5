package com.writerstree.export.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** identity-service: the author's name and e-mail for title pages. Fault tolerance: {@link Upstream}. URL: {@code quarkus.rest-client.identity-service.url}. */
@RegisterRestClient(configKey = "identity-service")
@Path("/users/me")
@Produces(MediaType.APPLICATION_JSON)
public interface IdentityClient {

    @GET
    ProfileEnvelope me(
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProfileEnvelope(Profile data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Profile(String email, String fullName) {}
}
