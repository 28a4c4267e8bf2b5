package com.writerstree.project.event;

import com.writerstree.platform.event.ProjectEvents.ProjectCompleted;
import com.writerstree.platform.event.ProjectEvents.ProjectCreated;
import com.writerstree.platform.messaging.Outbox;
import com.writerstree.project.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one publisher of project-service: appends project-events to the outbox inside the caller's transaction
 * (the platform relay sends them to Kafka after commit).
 */
@ApplicationScoped
public class ProjectEventPublisher {

    @Inject
    Outbox outbox;

    public void created(Project project) {
        outbox.append(ProjectCreated.of(project.userId, project.id, project.title, project.wordGoal,
                project.status.value()));
    }

    public void completed(Project project) {
        outbox.append(ProjectCompleted.of(project.userId, project.id, project.completedAt));
    }
}
