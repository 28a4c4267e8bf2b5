package com.writerstree.export.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** content-service: the manuscript's current text and milestones. Fault tolerance: {@link Upstream}. URL: {@code quarkus.rest-client.content-service.url}. */
@RegisterRestClient(configKey = "content-service")
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
public interface ContentClient {

    // a long manuscript is about a megabyte: a longer read timeout than the small lookups (application.properties)
    @GET
    @Path("/{id}/content")
    ContentEnvelope get(
            @PathParam("id") UUID projectId,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContentEnvelope(Data data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(Content content, List<Milestone> milestones) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(String text, int version, int wordCount) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Milestone(String type, int wordCount) {}
}
