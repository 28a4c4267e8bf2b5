package com.writerstree.project.project;

import com.writerstree.platform.error.ApiException;
import com.writerstree.project.event.ProjectEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Projects: creation, the owner's views, and the progress projection fed by content events. */
@ApplicationScoped
public class ProjectService {

    private static final Logger LOG = Logger.getLogger(ProjectService.class);

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectEventPublisher events;

    /** Creates an active project with a fresh tree seed and publishes ProjectCreated in the same transaction. */
    @Transactional
    public ProjectView create(UUID userId, CreateProjectRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.userId = userId;
        project.title = request.titleOrDefault();
        project.wordGoal = request.wordGoalOrDefault();
        project.treeSpecies = request.treeSpeciesOrDefault();
        project.treeSeason = request.treeSeasonOrDefault();
        project.status = ProjectStatus.ACTIVE;
        project.treeSeed = TreeSeed.of(userId, project.id, now);
        project.createdAt = now;
        project.updatedAt = now;
        project.lastEditedAt = now;
        projects.persist(project);
        events.created(project);
        LOG.infof("Project %s created", project.id);
        return ProjectView.of(project);
    }

    public ProjectPage list(UUID userId, Optional<ProjectStatus> status, int limit, int offset) {
        var query = projects.ownedBy(userId, status);
        var page = query.range(offset, offset + limit - 1).list().stream().map(ProjectView::of).toList();
        return new ProjectPage(page, query.count(), limit, offset);
    }

    /** The project if the caller owns it: 404 when it does not exist, 403 when it is someone else's. */
    public ProjectView get(UUID userId, UUID projectId) {
        return ProjectView.of(owned(userId, projectId));
    }

    /**
     * Applies a new content version (ContentSaved, VersionRestored): word count and last edit follow the newest
     * version only, so a redelivered or overtaken event changes nothing.
     */
    @Transactional
    public void contentChanged(UUID projectId, int version, int wordCount, Instant savedAt) {
        if (projects.advanceContent(projectId, version, wordCount, savedAt)) {
            return;
        }
        if (projects.findByIdOptional(projectId).isEmpty()) {
            LOG.debugf("Content event for unknown project %s ignored", projectId);
        } else {
            LOG.debugf("Content version %d of project %s is not newer than the projection; ignored", version, projectId);
        }
    }

    /** The 100% milestone completes an active project (once) and publishes ProjectCompleted. */
    @Transactional
    public void goalReached(UUID projectId, Instant achievedAt) {
        Optional<Project> found = projects.findByIdOptional(projectId);
        if (found.isEmpty()) {
            LOG.debugf("Goal reached for unknown project %s ignored", projectId);
            return;
        }
        Project project = found.get();
        if (project.status != ProjectStatus.ACTIVE) {
            LOG.debugf("Goal reached for project %s in status %s: status kept", projectId, project.status);
            return;
        }
        Instant now = Instant.now();
        project.status = ProjectStatus.COMPLETED;
        project.completedAt = achievedAt == null ? now : achievedAt;
        project.updatedAt = now;
        events.completed(project);
        LOG.infof("Project %s completed", projectId);
    }

    private Project owned(UUID userId, UUID projectId) {
        Project project = projects.findByIdOptional(projectId).orElseThrow(() -> ApiException.notFound("Project"));
        if (!project.userId.equals(userId)) {
            throw ApiException.forbidden();
        }
        return project;
    }
}
