package com.writerstree.content.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * project-service, asked on the caller's behalf about a project this service has not heard of yet (see
 * {@link ProjectLookup}, for domain.ProjectDirectory). URL and timeouts: {@code quarkus.rest-client.project-service.*}.
 */
@RegisterRestClient(configKey = "project-service")
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
public interface ProjectServiceClient {

    @GET
    @Path("/{id}")
    ProjectEnvelope get(
            @PathParam("id") UUID projectId,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    /** The part of project-service's {@code GET /projects/{id}} answer this service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProjectEnvelope(Data data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(Project project) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Project(UUID id, UUID userId, String title, Integer wordGoal, String status) {}
}
