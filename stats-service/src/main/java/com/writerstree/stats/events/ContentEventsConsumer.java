package com.writerstree.stats.events;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.stats.domain.AnalyticsService;
import com.writerstree.stats.domain.WriterClock;
import com.writerstree.stats.domain.WritingLedger;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Saves become words per local day; restores move the word count only; milestones are recorded. */
@ApplicationScoped
public class ContentEventsConsumer {

    static final String CONSUMER = "stats-service";

    private final InboundEvents inbound;
    private final WritingLedger ledger;
    private final AnalyticsService analytics;

    public ContentEventsConsumer(InboundEvents inbound, WritingLedger ledger, AnalyticsService analytics) {
        this.inbound = inbound;
        this.ledger = ledger;
        this.analytics = analytics;
    }

    /**
     * A poll's batch in one transaction (one commit for up to {@code max.poll.records} events; each event id still
     * recorded, so a redelivered batch or event never counts twice). Unordered (the ledger is additive per quarter
     * hour and the word count has a version high-water mark) but bounded: the "stats-ingest" worker pool runs as
     * many batches at once as configured, well below the datasource pool. When the batch fails as a whole, its
     * events are applied one by one in their own transactions and an event that still fails is nacked alone: the
     * platform's failure strategy sends it to the service's dead-letter topic and the others are acknowledged
     * (platform-messaging {@link InboundEvents#applyBatch}).
     */
    @Incoming("content-events-in")
    @Blocking(value = "stats-ingest", ordered = false)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.applyBatch(CONSUMER, batch, this::applyBatch);
    }

    private void applyBatch(List<IntegrationEvent> events) {
        Set<UUID> writers = new HashSet<>();
        for (IntegrationEvent event : events) {
            if (event instanceof ContentSaved e) {
                writers.add(e.userId());
            }
        }
        ledger.lockAll(writers);
        Map<UUID, WriterClock> clocks = new HashMap<>();
        for (IntegrationEvent event : events) {
            apply(event, clocks);
        }
    }

    private void apply(IntegrationEvent event, Map<UUID, WriterClock> clocks) {
        if (event instanceof ContentSaved e) {
            ledger.savedLocked(
                    clocks, e.userId(), e.projectId(), e.version(), e.wordCount(), e.wordDelta(), e.savedAt());
        } else if (event instanceof VersionRestored e) {
            ledger.restored(e.userId(), e.projectId(), e.version(), e.wordCount());
        } else if (event instanceof MilestoneReached e) {
            ledger.milestone(e.userId(), e.projectId(), e.milestone(), e.wordGoal(), e.wordCount(), e.achievedAt());
            analytics.recordFact(
                    e.eventId(),
                    e.userId(),
                    "milestone_reached",
                    Map.of(
                            "projectId", e.projectId().toString(),
                            "milestone", e.milestone(),
                            "wordCount", e.wordCount()),
                    e.occurredAt());
        }
    }
}
