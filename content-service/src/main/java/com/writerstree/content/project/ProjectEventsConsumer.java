package com.writerstree.content.project;

import com.writerstree.content.document.ProjectContentRepository;
import com.writerstree.content.document.RevisionRepository;
import com.writerstree.content.milestone.MilestoneRepository;
import com.writerstree.content.version.VersionHistoryRepository;
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
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the project replica in step with project-service (topic {@code project-events}); a deleted project
 * takes its content, history and milestones with it. Each event is applied once (see {@link InboundEvents}).
 */
@ApplicationScoped
public class ProjectEventsConsumer {

    static final String CONSUMER = "content-service";

    private static final Logger LOG = Logger.getLogger(ProjectEventsConsumer.class);

    @Inject
    InboundEvents inbound;

    @Inject
    ProjectReplicaRepository replicas;

    @Inject
    ProjectContentRepository contents;

    @Inject
    VersionHistoryRepository versions;

    @Inject
    MilestoneRepository milestones;

    @Inject
    RevisionRepository revisions;

    @Incoming("project-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(CONSUMER, json, this::apply);
    }

    void apply(IntegrationEvent event) {
        if (event instanceof ProjectCreated e) {
            replicas.upsert(e.projectId(), e.userId(), e.title(), e.wordGoal(), e.status());
        } else if (event instanceof ProjectUpdated e) {
            replicas.upsert(e.projectId(), e.userId(), e.title(), e.wordGoal(), e.status());
        } else if (event instanceof ProjectArchived e) {
            replicas.updateStatus(e.projectId(), ProjectReplica.ARCHIVED);
        } else if (event instanceof ProjectRestored e) {
            replicas.updateStatus(e.projectId(), e.status() != null ? e.status() : "active");
        } else if (event instanceof ProjectCompleted e) {
            replicas.updateStatus(e.projectId(), ProjectReplica.COMPLETED);
        } else if (event instanceof ProjectDeleted e) {
            milestones.deleteByProject(e.projectId());
            versions.deleteByProject(e.projectId());
            revisions.deleteByProject(e.projectId());
            contents.deleteById(e.projectId());
            replicas.deleteById(e.projectId());
            LOG.infof("Deleted the content of project %s", e.projectId());
        }
        // other events on the topic concern other services
    }
}
