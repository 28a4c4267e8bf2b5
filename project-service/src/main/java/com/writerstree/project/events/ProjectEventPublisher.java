package com.writerstree.project.events;

import com.writerstree.contracts.project.v1.ProjectEvents.ProjectArchived;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCompleted;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCreated;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectDeleted;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectRestored;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectUpdated;
import com.writerstree.platform.messaging.Outbox;
import com.writerstree.project.persistence.Project;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one publisher of project-service: appends project-events to the outbox inside the caller's transaction
 * (the platform relay sends them to Kafka after commit).
 */
@ApplicationScoped
public class ProjectEventPublisher {

    private final Outbox outbox;

    public ProjectEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Project project) {
        outbox.append(ProjectCreated.of(
                project.userId, project.id, project.title, project.wordGoal, project.status.value(), project.deadline));
    }

    /** Title, goal or status changed by the owner (PATCH); carries the values after the change. */
    public void updated(Project project) {
        outbox.append(ProjectUpdated.of(
                project.userId, project.id, project.title, project.wordGoal, project.status.value(), project.deadline));
    }

    public void archived(Project project) {
        outbox.append(ProjectArchived.of(project.userId, project.id));
    }

    /** Carries the status the project returned to (active or completed). */
    public void restored(Project project) {
        outbox.append(ProjectRestored.of(project.userId, project.id, project.status.value()));
    }

    public void completed(Project project) {
        outbox.append(ProjectCompleted.of(project.userId, project.id, project.completedAt));
    }

    /** The project is gone for good: consumers delete what they hold about it. */
    public void deleted(Project project) {
        outbox.append(ProjectDeleted.of(project.userId, project.id));
    }
}
