package com.writerstree.stats.events;

import com.writerstree.contracts.export.v1.ExportEvents.ContentExported;
import com.writerstree.contracts.export.v1.ExportEvents.TreeExported;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.stats.domain.AnalyticsService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Exports are recorded as analytics ({@code content_exported}, {@code tree_exported}). */
@ApplicationScoped
public class ExportEventsConsumer {

    private final InboundEvents inbound;
    private final AnalyticsService analytics;

    public ExportEventsConsumer(InboundEvents inbound, AnalyticsService analytics) {
        this.inbound = inbound;
        this.analytics = analytics;
    }

    @Incoming("export-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(ContentEventsConsumer.CONSUMER, json, event -> {
            if (event instanceof ContentExported e) {
                analytics.recordFact(
                        e.eventId(),
                        e.userId(),
                        "content_exported",
                        Map.of(
                                "projectId", e.projectId().toString(),
                                "format", e.format(),
                                "style", String.valueOf(e.style()),
                                "wordCount", e.wordCount(),
                                "fileSize", e.fileSize()),
                        e.occurredAt());
            } else if (event instanceof TreeExported e) {
                analytics.recordFact(
                        e.eventId(),
                        e.userId(),
                        "tree_exported",
                        Map.of(
                                "projectId", e.projectId().toString(),
                                "format", e.format(),
                                "width", e.width(),
                                "height", e.height()),
                        e.occurredAt());
            }
        });
    }
}
