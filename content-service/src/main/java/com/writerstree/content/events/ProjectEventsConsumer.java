package com.writerstree.content.events;

import com.writerstree.content.domain.ProjectChanges;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectArchived;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCompleted;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCreated;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectDeleted;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectRestored;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectUpdated;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the project replica in step with project-service (topic {@code project-events}); a deleted project
 * takes its content, history and milestones with it ({@link ProjectChanges}). Each event is applied once (see
 * {@link InboundEvents}).
 */
@ApplicationScoped
public class ProjectEventsConsumer {

    static final String CONSUMER = "content-service";

    private static final Logger LOG = Logger.getLogger(ProjectEventsConsumer.class);

    private final InboundEvents inbound;
    private final ProjectChanges projects;

    public ProjectEventsConsumer(InboundEvents inbound, ProjectChanges projects) {
        this.inbound = inbound;
        this.projects = projects;
    }

    @Incoming("project-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(CONSUMER, json, this::apply);
    }

    private void apply(IntegrationEvent event) {
        if (event instanceof ProjectCreated e) {
            projects.described(e.projectId(), e.userId(), e.title(), e.wordGoal(), e.status());
        } else if (event instanceof ProjectUpdated e) {
            projects.described(e.projectId(), e.userId(), e.title(), e.wordGoal(), e.status());
        } else if (event instanceof ProjectArchived e) {
            projects.statusChanged(e.projectId(), ProjectReplica.ARCHIVED);
        } else if (event instanceof ProjectRestored e) {
            projects.statusChanged(e.projectId(), e.status());
        } else if (event instanceof ProjectCompleted e) {
            projects.statusChanged(e.projectId(), ProjectReplica.COMPLETED);
        } else if (event instanceof ProjectDeleted e) {
            projects.erase(e.projectId());
            LOG.infof("Deleted the content of project %s", e.projectId());
        }
        // other events on the topic concern other services
    }
}
