package com.writerstree.project.events;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.project.domain.ProjectService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each project's word count, last edit and completion in step with content-service. Each event is
 * applied at most once (InboundEvents) and only moves the projection forward (version high-water mark).
 */
@ApplicationScoped
public class ContentEventsConsumer {

    static final String CONSUMER = "project-service";
    static final String GOAL_MILESTONE = "100_percent";

    private final InboundEvents inbound;
    private final ProjectService projects;

    public ContentEventsConsumer(InboundEvents inbound, ProjectService projects) {
        this.inbound = inbound;
        this.projects = projects;
    }

    @Incoming("content-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(CONSUMER, json, event -> {
            if (event instanceof ContentSaved e) {
                projects.contentChanged(e.projectId(), e.version(), e.wordCount(), e.savedAt());
            } else if (event instanceof VersionRestored e) {
                projects.contentChanged(e.projectId(), e.version(), e.wordCount(), e.savedAt());
            } else if (event instanceof MilestoneReached e && GOAL_MILESTONE.equals(e.milestone())) {
                projects.goalReached(e.projectId(), e.wordGoal(), e.achievedAt());
            }
            // other events on the topic (25/50/75% milestones, future types) do not concern projects
        });
    }
}
