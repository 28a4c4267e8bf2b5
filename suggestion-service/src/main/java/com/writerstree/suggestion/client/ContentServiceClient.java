package com.writerstree.suggestion.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.writerstree.platform.security.ServiceCredential;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * content-service's internal read of a project's text (the text never travels on Kafka), with the service
 * credential. URL and timeouts: {@code quarkus.rest-client.content-service.*}.
 */
@RegisterRestClient(configKey = "content-service")
@Path("/internal/projects")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(
        name = ServiceCredential.HEADER,
        value = "{com.writerstree.platform.security.ServiceCredential.outgoing}")
public interface ContentServiceClient {

    @GET
    @Path("/{id}/content")
    Envelope content(@PathParam("id") UUID projectId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(Content data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(UUID projectId, UUID userId, String text, int version) {}
}
