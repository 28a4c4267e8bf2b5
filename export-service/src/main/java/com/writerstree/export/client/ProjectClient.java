package com.writerstree.export.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** project-service, asked on the caller's behalf (title, goal, tree). Fault tolerance: {@link Upstream}. URL: {@code quarkus.rest-client.project-service.url}. */
@RegisterRestClient(configKey = "project-service")
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
public interface ProjectClient {

    @GET
    @Path("/{id}")
    ProjectEnvelope get(
            @PathParam("id") UUID projectId,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProjectEnvelope(Data data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(Project project) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Project(
            UUID id,
            UUID userId,
            String title,
            int wordGoal,
            int currentWordCount,
            double progress,
            String treeSeed,
            String treeSpecies,
            String treeSeason) {}
}
