package com.writerstree.content.domain;

import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.content.persistence.ProjectReplicaRepository;
import com.writerstree.content.client.ProjectServiceClient;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Answers "may the caller work on this project?" from the replica, and fills the replica from project-service
 * when the project's ProjectCreated event has not arrived yet (a client may save right after creating).
 */
@ApplicationScoped
public class ProjectDirectory {

    private static final Logger LOG = Logger.getLogger(ProjectDirectory.class);

    @Inject
    ProjectReplicaRepository replicas;

    @Inject
    @RestClient
    ProjectServiceClient projectService;

    @Inject
    Caller caller;

    @Inject
    HttpServerRequest request;

    /**
     * The project as this service knows it, after checking that the caller owns it: 404 NOT_FOUND if
     * project-service does not know it either or someone else owns it (a stranger must not learn that the id
     * exists; project-service answers 404 for both, an older one 403: both become 404 here), 503
     * EXTERNAL_SERVICE_ERROR if it is unknown here and project-service cannot be asked.
     */
    public ProjectReplica requireOwned(UUID projectId) {
        ProjectReplica replica = replicas.findByIdOptional(projectId).orElseGet(() -> fetch(projectId));
        requireOwner(replica);
        return replica;
    }

    /** 404 NOT_FOUND unless the caller owns the project (the same answer as for an unknown id). */
    public void requireOwner(ProjectReplica replica) {
        if (!replica.userId.equals(caller.userId())) {
            throw ApiException.notFound("Project");
        }
    }

    private ProjectReplica fetch(UUID projectId) {
        ProjectServiceClient.Project project;
        try {
            ProjectServiceClient.ProjectEnvelope answer =
                    projectService.get(projectId, caller.bearer(), request.getHeader(RequestIds.HEADER));
            project = answer == null || answer.data() == null
                    ? null
                    : answer.data().project();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 403) {
                throw ApiException.notFound("Project");
            }
            LOG.warnf("project-service answered %d for project %s", status, projectId);
            throw unavailable();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "project-service unreachable for project %s: %s",
                    projectId, e.getClass().getSimpleName());
            throw unavailable();
        }
        if (project == null || project.wordGoal() == null || project.status() == null) {
            LOG.warnf("project-service answered without the project's goal or status for %s", projectId);
            throw unavailable();
        }
        // project-service answers 200 only to the owner, so the caller owns it when the answer does not say
        UUID owner = project.userId() != null ? project.userId() : caller.userId();
        QuarkusTransaction.requiringNew()
                .run(() -> replicas.insertIfAbsent(
                        projectId, owner, project.title(), project.wordGoal(), project.status()));
        return QuarkusTransaction.requiringNew()
                .call(() -> replicas.findByIdOptional(projectId).orElseThrow(() -> ApiException.notFound("Project")));
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.EXTERNAL_SERVICE_ERROR, "Project service unavailable", Map.of());
    }
}
