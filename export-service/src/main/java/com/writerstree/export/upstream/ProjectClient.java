package com.writerstree.export.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** project-service, asked on the caller's behalf (title, goal, tree). URL: {@code quarkus.rest-client.project-service.url}. */
@RegisterRestClient(configKey = "project-service")
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
public interface ProjectClient {

    // an idempotent GET: one retry on a connection failure or timeout, never on an answer such as 404
    @GET
    @Path("/{id}")
    @Timeout(3000)
    @Retry(
            maxRetries = 1,
            delay = 100,
            retryOn = {ProcessingException.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failOn = {ProcessingException.class, TimeoutException.class})
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
