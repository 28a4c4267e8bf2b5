package com.writerstree.export.events;

import com.writerstree.contracts.project.v1.ProjectEvents.ProjectDeleted;
import com.writerstree.export.domain.ExportRemoval;
import com.writerstree.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A project deleted for good takes its exports with it (topic {@code project-events}). */
@ApplicationScoped
public class ProjectEventsConsumer {

    private final InboundEvents inbound;
    private final ExportRemoval removal;

    public ProjectEventsConsumer(InboundEvents inbound, ExportRemoval removal) {
        this.inbound = inbound;
        this.removal = removal;
    }

    @Incoming("project-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply("export-service", json, event -> {
            if (event instanceof ProjectDeleted deleted) {
                removal.projectDeleted(deleted.projectId());
            }
        });
    }
}
