package com.writerstree.export.event;

import com.writerstree.export.job.ExportCleanup;
import com.writerstree.platform.event.ProjectEvents.ProjectDeleted;
import com.writerstree.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A project deleted for good takes its exports with it (topic {@code project-events}). */
@ApplicationScoped
public class ProjectEventsConsumer {

    @Inject
    InboundEvents inbound;

    @Inject
    ExportCleanup cleanup;

    @Incoming("project-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply("export-service", json, event -> {
            if (event instanceof ProjectDeleted deleted) {
                cleanup.projectDeleted(deleted.projectId());
            }
        });
    }
}
