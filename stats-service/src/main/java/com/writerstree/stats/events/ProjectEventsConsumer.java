package com.writerstree.stats.events;

import com.writerstree.contracts.project.v1.ProjectEvents.ProjectArchived;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCompleted;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectCreated;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectDeleted;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectRestored;
import com.writerstree.contracts.project.v1.ProjectEvents.ProjectUpdated;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.stats.domain.AnalyticsService;
import com.writerstree.stats.persistence.ProjectRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Owners, goals, deadlines and statuses of projects (events of one project arrive in order: keyed by its id).
 * A deleted project keeps its words in the writer's days (the writing happened) but leaves the counts and its
 * stats become 404.
 */
@ApplicationScoped
public class ProjectEventsConsumer {

    private final InboundEvents inbound;
    private final ProjectRepository projects;
    private final AnalyticsService analytics;

    public ProjectEventsConsumer(InboundEvents inbound, ProjectRepository projects, AnalyticsService analytics) {
        this.inbound = inbound;
        this.projects = projects;
        this.analytics = analytics;
    }

    @Incoming("project-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(ContentEventsConsumer.CONSUMER, json, event -> {
            if (event instanceof ProjectCreated e) {
                projects.describe(
                        e.projectId(), e.userId(), e.title(), e.wordGoal(), e.status(), e.deadline(), e.occurredAt());
                analytics.recordFact(
                        e.eventId(),
                        e.userId(),
                        "project_created",
                        Map.of("projectId", e.projectId().toString(), "wordGoal", e.wordGoal()),
                        e.occurredAt());
            } else if (event instanceof ProjectUpdated e) {
                projects.describe(
                        e.projectId(), e.userId(), e.title(), e.wordGoal(), e.status(), e.deadline(), e.occurredAt());
            } else if (event instanceof ProjectArchived e) {
                projects.status(e.projectId(), e.userId(), "archived", null);
            } else if (event instanceof ProjectRestored e) {
                projects.status(e.projectId(), e.userId(), e.status(), null);
            } else if (event instanceof ProjectCompleted e) {
                projects.status(e.projectId(), e.userId(), "completed", e.completedAt());
                analytics.recordFact(
                        e.eventId(),
                        e.userId(),
                        "project_completed",
                        Map.of("projectId", e.projectId().toString()),
                        e.occurredAt());
            } else if (event instanceof ProjectDeleted e) {
                projects.deleted(e.projectId(), e.userId());
            }
        });
    }
}
