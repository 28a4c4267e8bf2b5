package com.writerstree.suggestion.events;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * content-events: a saved or restored text is queued to be learned (no text on Kafka; see AdaptationService). A poll's
 * batch is one transaction ({@link InboundEvents#applyBatch}: its event ids recorded with one insert, a redelivered
 * event skipped, a poison event dead-lettered alone) and one upsert of the batch's adaptation requests
 * ({@link AdaptationRequestBatch}: the newest version of each project). Quarkus polls in batches because the method
 * takes a {@link KafkaRecordBatch} ({@code batch=true} is set for the channel at build time).
 */
@ApplicationScoped
public class ContentEventsConsumer {

    static final String CONSUMER = "suggestion-service";

    private static final Logger LOG = Logger.getLogger(ContentEventsConsumer.class);

    private final InboundEvents inbound;
    private final AdaptationRequestBatch requests;

    ContentEventsConsumer(InboundEvents inbound, AdaptationRequestBatch requests) {
        this.inbound = inbound;
        this.requests = requests;
    }

    @Incoming("content-events-in")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.applyBatch(CONSUMER, batch, this::apply);
    }

    void apply(List<IntegrationEvent> events) {
        List<AdaptationRequestBatch.Saved> saved = new ArrayList<>(events.size());
        for (IntegrationEvent event : events) {
            if (event instanceof ContentSaved e) {
                saved.add(new AdaptationRequestBatch.Saved(e.projectId(), e.userId(), e.version()));
            } else if (event instanceof VersionRestored e) {
                saved.add(new AdaptationRequestBatch.Saved(e.projectId(), e.userId(), e.version()));
            }
        }
        if (!saved.isEmpty()) {
            LOG.debugf(
                    "%d adaptation requests from %d content events",
                    requests.request(saved).size(), events.size());
        }
    }
}
