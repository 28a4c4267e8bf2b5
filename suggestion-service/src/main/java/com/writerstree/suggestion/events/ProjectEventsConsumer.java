package com.writerstree.suggestion.events;

import com.writerstree.contracts.project.v1.ProjectEvents.ProjectDeleted;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.suggestion.domain.AdaptationService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** project-events: a deleted project takes what was learned from it. */
@ApplicationScoped
public class ProjectEventsConsumer {

    private final InboundEvents inbound;
    private final AdaptationService adaptation;

    public ProjectEventsConsumer(InboundEvents inbound, AdaptationService adaptation) {
        this.inbound = inbound;
        this.adaptation = adaptation;
    }

    @Incoming("project-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(ContentEventsConsumer.CONSUMER, json, this::apply);
    }

    void apply(IntegrationEvent event) {
        if (event instanceof ProjectDeleted e) {
            adaptation.forgetProject(e.projectId());
        }
    }
}
