package com.writerstree.stats.events;

import com.writerstree.platform.event.ContentEvents.ContentSaved;
import com.writerstree.platform.event.ContentEvents.MilestoneReached;
import com.writerstree.platform.event.ContentEvents.VersionRestored;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.stats.domain.AnalyticsService;
import com.writerstree.stats.domain.WritingLedger;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
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
     * Unordered (the ledger is additive per quarter hour and the word count has a version high-water mark) but
     * bounded: the "stats-ingest" worker pool runs as many saves at once as configured, well below the
     * datasource pool, since a save holds its connection while it waits for the writer's lock.
     */
    @Incoming("content-events-in")
    @Blocking(value = "stats-ingest", ordered = false)
    public void consume(String json) {
        inbound.apply(CONSUMER, json, event -> {
            if (event instanceof ContentSaved e) {
                ledger.saved(e.userId(), e.projectId(), e.version(), e.wordCount(), e.wordDelta(), e.savedAt());
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
        });
    }
}
