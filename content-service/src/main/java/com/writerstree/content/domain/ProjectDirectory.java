package com.writerstree.content.domain;

import com.writerstree.content.client.ProjectLookup;
import com.writerstree.content.client.ProjectServiceClient;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.content.persistence.ProjectReplicaRepository;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Answers "may the caller work on this project?" from the replica, and fills the replica from project-service
 * when the project's ProjectCreated event has not arrived yet (a client may save right after creating).
 */
@ApplicationScoped
public class ProjectDirectory {

    private final ProjectReplicaRepository replicas;
    private final ProjectContentRepository contents;
    private final ProjectLookup projectService;
    private final Caller caller;
    private final HttpServerRequest request;

    public ProjectDirectory(
            ProjectReplicaRepository replicas,
            ProjectContentRepository contents,
            ProjectLookup projectService,
            Caller caller,
            HttpServerRequest request) {
        this.replicas = replicas;
        this.contents = contents;
        this.projectService = projectService;
        this.caller = caller;
        this.request = request;
    }

    /** A project this service has no replica of (yet): 404 NOT_FOUND unless the caller tries project-service. */
    public static final class UnknownProject extends ApiException {
        UnknownProject() {
            super(ErrorCode.NOT_FOUND, "Project not found");
        }
    }

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

    /**
     * The project, read and locked until the transaction ends (saves and restores of one project run one at a
     * time), after checking that the caller owns it and that it is not archived (409 PROJECT_ARCHIVED), with its
     * content head ({@link ProjectContentRepository#lockAndHead}) read after the lock: one round trip. Throws
     * {@link UnknownProject} for a project the replica does not know: the caller may {@link #requireOwned} (which
     * asks project-service) and try again.
     */
    public ProjectContentRepository.Locked lockEditableHead(UUID projectId) {
        ProjectContentRepository.Locked locked = contents.lockAndHead(projectId).orElseThrow(UnknownProject::new);
        editable(locked.project());
        return locked;
    }

    private void editable(ProjectReplica project) {
        requireOwner(project);
        if (project.isArchived()) {
            throw ContentErrors.archived();
        }
    }

    /**
     * Waits for the project's saves in flight and keeps the next ones waiting until the transaction ends (the row lock
     * a save holds), without a save's checks: a manual snapshot, which a save must not overlap.
     */
    public void lock(UUID projectId) {
        replicas.lock(projectId);
    }

    /** 404 NOT_FOUND unless the caller owns the project (the same answer as for an unknown id). */
    private void requireOwner(ProjectReplica replica) {
        if (!replica.userId.equals(caller.userId())) {
            throw ApiException.notFound("Project");
        }
    }

    private ProjectReplica fetch(UUID projectId) {
        ProjectServiceClient.Project project = projectService
                .find(projectId, caller.bearer(), request.getHeader(RequestIds.HEADER))
                .orElseThrow(() -> ApiException.notFound("Project"));
        // project-service answers 200 only to the owner, so the caller owns it when the answer does not say
        UUID owner = project.userId() != null ? project.userId() : caller.userId();
        QuarkusTransaction.requiringNew()
                .run(() -> replicas.insertIfAbsent(
                        projectId, owner, project.title(), project.wordGoal(), project.status()));
        return QuarkusTransaction.requiringNew()
                .call(() -> replicas.findByIdOptional(projectId).orElseThrow(() -> ApiException.notFound("Project")));
    }
}
