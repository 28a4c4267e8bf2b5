package com.writerstree.suggestion.events;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.suggestion.domain.AdaptationService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** content-events: a saved or restored text is queued to be learned (no text on Kafka; see AdaptationService). */
@ApplicationScoped
public class ContentEventsConsumer {

    static final String CONSUMER = "suggestion-service";

    private final InboundEvents inbound;
    private final AdaptationService adaptation;

    public ContentEventsConsumer(InboundEvents inbound, AdaptationService adaptation) {
        this.inbound = inbound;
        this.adaptation = adaptation;
    }

    @Incoming("content-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(CONSUMER, json, this::apply);
    }

    void apply(IntegrationEvent event) {
        if (event instanceof ContentSaved e) {
            adaptation.textChanged(e.userId(), e.projectId(), e.version());
        } else if (event instanceof VersionRestored e) {
            adaptation.textChanged(e.userId(), e.projectId(), e.version());
        }
    }
}
