package com.writerstree.project.domain;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.project.config.ProjectConfig;
import com.writerstree.project.events.ProjectEventPublisher;
import com.writerstree.project.persistence.Project;
import com.writerstree.project.persistence.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Projects: creation (within the free-tier limit), the owner's views and changes (update, archive, restore,
 * permanent deletion), and the progress projection fed by content events. Every change publishes its event
 * through the outbox in the same transaction.
 */
@ApplicationScoped
public class ProjectService {

    private static final Logger LOG = Logger.getLogger(ProjectService.class);

    private final ProjectRepository projects;
    private final ProjectEventPublisher events;
    private final ProjectConfig config;

    public ProjectService(ProjectRepository projects, ProjectEventPublisher events, ProjectConfig config) {
        this.projects = projects;
        this.events = events;
        this.config = config;
    }

    /**
     * Creates an active project with a fresh tree seed and publishes ProjectCreated in the same transaction.
     * A free-tier caller who already has the maximum of projects in use gets 403 MAX_PROJECTS_REACHED.
     */
    @Transactional
    public Project create(UUID userId, String tier, ProjectFields request) {
        ensureRoomForAnotherProject(userId, tier);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.userId = userId;
        project.title = Objects.requireNonNullElse(request.title(), ProjectRules.DEFAULT_TITLE);
        project.wordGoal = Objects.requireNonNullElse(request.wordGoal(), ProjectRules.DEFAULT_WORD_GOAL);
        project.treeSpecies = Objects.requireNonNullElse(request.treeSpecies(), TreeSpecies.OAK);
        project.treeSeason = Objects.requireNonNullElse(request.treeSeason(), TreeSeason.SPRING);
        project.deadline = request.deadline();
        project.status = ProjectStatus.ACTIVE;
        project.treeSeed = TreeSeed.of(userId, project.id, now);
        project.createdAt = now;
        project.updatedAt = now;
        project.lastEditedAt = now;
        projects.persist(project);
        events.created(project);
        LOG.infof("Project %s created", project.id);
        return project;
    }

    /** One page of a user's projects and how many match the filter across pages. */
    public record Page(List<Project> projects, long total) {}

    public Page list(UUID userId, Optional<ProjectStatus> status, int limit, int offset) {
        var query = projects.ownedBy(userId, status);
        return new Page(query.range(offset, offset + limit - 1).list(), query.count());
    }

    /** The project if the caller owns it: 404 when it does not exist or is someone else's. */
    public Project get(UUID userId, UUID projectId) {
        return owned(userId, projectId);
    }

    /**
     * Changes the given fields (PATCH). An archived project is 409 PROJECT_ARCHIVED (restore it first). A completed
     * project whose word count is below a new goal becomes active again. Publishes ProjectUpdated when anything
     * changed; a request that changes nothing answers the project as it is.
     */
    @Transactional
    public Project update(UUID userId, UUID projectId, ProjectFields request) {
        Project project = ownedForUpdate(userId, projectId);
        if (project.status == ProjectStatus.ARCHIVED) {
            throw new ApiException(
                    ErrorCode.PROJECT_ARCHIVED,
                    ProjectRules.ARCHIVED,
                    Map.of("projectId", projectId.toString(), "status", ProjectStatus.ARCHIVED.value()));
        }
        boolean changed = false;
        if (request.title() != null && !request.title().equals(project.title)) {
            project.title = request.title();
            changed = true;
        }
        if (request.treeSpecies() != null && request.treeSpecies() != project.treeSpecies) {
            project.treeSpecies = request.treeSpecies();
            changed = true;
        }
        if (request.treeSeason() != null && request.treeSeason() != project.treeSeason) {
            project.treeSeason = request.treeSeason();
            changed = true;
        }
        if (request.deadline() != null && !request.deadline().equals(project.deadline)) {
            project.deadline = request.deadline();
            changed = true;
        }
        if (request.wordGoal() != null && request.wordGoal() != project.wordGoal) {
            project.wordGoal = request.wordGoal();
            ProjectStatus status =
                    ProjectRules.statusAfterGoalChange(project.status, project.currentWordCount, project.wordGoal);
            if (status != project.status) {
                project.status = status;
                project.completedAt = null;
                LOG.infof("Project %s active again: its new goal is above its word count", projectId);
            }
            changed = true;
        }
        if (changed) {
            project.updatedAt = Instant.now();
            events.updated(project);
            LOG.infof("Project %s updated", projectId);
        }
        return project;
    }

    /** Archives the project (idempotent: an archived project stays as it is and nothing is published). */
    @Transactional
    public Project archive(UUID userId, UUID projectId) {
        Project project = ownedForUpdate(userId, projectId);
        if (project.status != ProjectStatus.ARCHIVED) {
            project.status = ProjectStatus.ARCHIVED;
            project.updatedAt = Instant.now();
            events.archived(project);
            LOG.infof("Project %s archived", projectId);
        }
        return project;
    }

    /**
     * Brings an archived project back to active (or completed, if it had been completed) and publishes
     * ProjectRestored; counts against the free-tier limit like a creation. A project that is not archived is
     * answered as it is (idempotent).
     */
    @Transactional
    public Project restore(UUID userId, String tier, UUID projectId) {
        boolean limited = !ProjectRules.isUnlimited(tier);
        if (limited) {
            projects.lockProjectCount(userId); // before the row lock: the same order as creation's single lock
        }
        Project project = ownedForUpdate(userId, projectId);
        if (project.status != ProjectStatus.ARCHIVED) {
            return project;
        }
        if (limited) {
            checkRoom(userId);
        }
        project.status = ProjectRules.restoredStatus(project.completedAt);
        project.updatedAt = Instant.now();
        events.restored(project);
        LOG.infof("Project %s restored (%s)", projectId, project.status);
        return project;
    }

    /**
     * Deletes the project for good, but only when {@code confirmation} is its id (the client's explicit
     * confirmation), and publishes ProjectDeleted so that content-service deletes its content, history and
     * milestones.
     */
    @Transactional
    public void deletePermanently(UUID userId, UUID projectId, String confirmation) {
        Project project = ownedForUpdate(userId, projectId);
        if (confirmation == null || !projectId.toString().equalsIgnoreCase(confirmation.strip())) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "Permanent deletion must be confirmed: send "
                            + "DELETE /projects/" + projectId + "?permanent=true&confirm=" + projectId
                            + " (confirm = the id of the project to delete)",
                    Map.of("field", "confirm", "value", Objects.requireNonNullElse(confirmation, "")));
        }
        projects.delete(project);
        events.deleted(project);
        LOG.infof("Project %s deleted permanently", projectId);
    }

    /**
     * Applies new content versions (ContentSaved, VersionRestored; a consumer's batch), in the caller's transaction:
     * word count and last edit follow each project's newest version only, so a redelivered, overtaken or older event
     * changes nothing, within the batch (only the newest version of a project is kept) and across batches (the
     * stored {@code content_version} is the high-water mark). One statement for the whole batch; versions of
     * unknown projects change nothing.
     */
    @Transactional
    public void contentChanged(List<ContentVersion> versions) {
        List<ContentVersion> newest = ContentVersion.newestPerProject(versions);
        if (newest.isEmpty()) {
            return;
        }
        int moved = projects.advanceContents(newest);
        if (moved < newest.size()) {
            LOG.debugf(
                    "%d of %d content versions not newer than the projection (or of unknown projects); ignored",
                    newest.size() - moved, newest.size());
        }
    }

    /**
     * The 100% milestone completes an active project (once) and publishes ProjectCompleted. A milestone of another
     * goal than the project's current one (the goal changed while the event was on its way) changes nothing.
     */
    @Transactional
    public void goalReached(UUID projectId, int wordGoal, Instant achievedAt) {
        Optional<Project> found = projects.findForUpdate(projectId);
        if (found.isEmpty()) {
            LOG.debugf("Goal reached for unknown project %s ignored", projectId);
            return;
        }
        Project project = found.get();
        if (project.status != ProjectStatus.ACTIVE) {
            LOG.debugf("Goal reached for project %s in status %s: status kept", projectId, project.status);
            return;
        }
        if (wordGoal > 0 && wordGoal != project.wordGoal) {
            LOG.debugf("100%% milestone of project %s for former goal %d ignored", projectId, wordGoal);
            return;
        }
        Instant now = Instant.now();
        project.status = ProjectStatus.COMPLETED;
        project.completedAt = achievedAt == null ? now : achievedAt;
        project.updatedAt = now;
        events.completed(project);
        LOG.infof("Project %s completed", projectId);
    }

    /**
     * The end of an account (UserPurged): every project of the user is deleted, in the caller's transaction, without
     * ProjectDeleted events (every service purges the user itself on the same event).
     */
    @Transactional
    public long purge(UUID userId) {
        long deleted = projects.delete("userId", userId);
        LOG.infof("%d project(s) of purged user %s deleted", deleted, userId);
        return deleted;
    }

    private Project owned(UUID userId, UUID projectId) {
        return checkOwner(userId, projects.findByIdOptional(projectId));
    }

    private Project ownedForUpdate(UUID userId, UUID projectId) {
        return checkOwner(userId, projects.findForUpdate(projectId));
    }

    /**
     * 404 when the project does not exist and also when it is someone else's: a 403 would tell a stranger that
     * the id exists (issue #8, item 9).
     */
    private static Project checkOwner(UUID userId, Optional<Project> found) {
        Project project = found.orElseThrow(() -> ApiException.notFound("Project"));
        if (!project.userId.equals(userId)) {
            throw ApiException.notFound("Project");
        }
        return project;
    }

    /** For a free-tier caller: serialises with their other creations/restores, then checks the limit. */
    private void ensureRoomForAnotherProject(UUID userId, String tier) {
        if (ProjectRules.isUnlimited(tier)) {
            return;
        }
        projects.lockProjectCount(userId);
        checkRoom(userId);
    }

    /** 403 MAX_PROJECTS_REACHED when the caller already has the maximum (call with the count lock held). */
    private void checkRoom(UUID userId) {
        int max = config.freeTierMaxProjects();
        if (!ProjectRules.mayAddProject(projects.countNotArchived(userId), max)) {
            throw new ApiException(
                    ErrorCode.MAX_PROJECTS_REACHED,
                    ProjectRules.freeTierLimit(max),
                    Map.of("limit", max, "tier", "free"));
        }
    }
}
