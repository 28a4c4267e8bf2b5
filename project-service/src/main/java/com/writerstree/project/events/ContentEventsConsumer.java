package com.writerstree.project.events;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.project.domain.ContentVersion;
import com.writerstree.project.domain.ProjectService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each project's word count, last edit and completion in step with content-service. A poll's batch is applied
 * in one transaction with its events' ids recorded once each ({@link InboundEvents#applyBatch}: a redelivered event is
 * skipped; a poison event is dead-lettered alone); the content versions of the batch become one statement that moves
 * each project to its newest version only (version high-water mark).
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
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbound.applyBatch(CONSUMER, batch, this::apply);
    }

    private void apply(List<IntegrationEvent> events) {
        List<ContentVersion> versions = new ArrayList<>(events.size());
        List<MilestoneReached> goals = new ArrayList<>();
        for (IntegrationEvent event : events) {
            if (event instanceof ContentSaved e) {
                versions.add(new ContentVersion(e.projectId(), e.version(), e.wordCount(), e.savedAt()));
            } else if (event instanceof VersionRestored e) {
                versions.add(new ContentVersion(e.projectId(), e.version(), e.wordCount(), e.savedAt()));
            } else if (event instanceof MilestoneReached e && GOAL_MILESTONE.equals(e.milestone())) {
                goals.add(e);
            }
            // other events on the topic (25/50/75% milestones, future types) do not concern projects
        }
        projects.contentChanged(versions);
        // completion depends on the status and the goal, not on the word count: after the counts is as good as
        // in between them
        for (MilestoneReached e : goals) {
            projects.goalReached(e.projectId(), e.wordGoal(), e.achievedAt());
        }
    }
}
