package com.writerstree.contracts.project.v1;

import com.writerstree.platform.event.IntegrationEvent;
import java.util.UUID;

/** An event of {@code project-events}: published by project-service, keyed by project id (in order per project). */
public sealed interface ProjectEvent extends IntegrationEvent
        permits ProjectEvents.ProjectCreated,
                ProjectEvents.ProjectUpdated,
                ProjectEvents.ProjectArchived,
                ProjectEvents.ProjectRestored,
                ProjectEvents.ProjectCompleted,
                ProjectEvents.ProjectDeleted {

    UUID projectId();

    @Override
    default String topic() {
        return ProjectEvents.TOPIC;
    }

    @Override
    default String key() {
        return projectId().toString();
    }
}
