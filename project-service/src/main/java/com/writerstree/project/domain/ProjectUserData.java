package com.writerstree.project.domain;

import com.writerstree.platform.messaging.userdata.UserDataOwner;
import com.writerstree.project.persistence.Project;
import com.writerstree.project.persistence.ProjectRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What project-service holds of a user, for platform-messaging's shared user-data plumbing (docs/CONTRACTS.md, "User
 * data export and purge"): the export part {@code projects} (every project of the user, whatever its status; a
 * permanently deleted project no longer exists here) served by the shared {@code GET /internal/users/{id}/export},
 * and the purge on {@code UserPurged} (every project deleted, without ProjectDeleted events: every service purges the
 * user itself on the same event) in the transaction that records the purge receipt.
 */
@ApplicationScoped
public class ProjectUserData implements UserDataOwner {

    /** A project as exported: every column the writer set or earned, named like the public API. */
    public record ExportedProject(
            UUID id,
            String title,
            int wordGoal,
            int currentWordCount,
            String status,
            LocalDate deadline,
            String treeSeed,
            String treeSpecies,
            String treeSeason,
            Instant createdAt,
            Instant updatedAt,
            Instant completedAt,
            Instant lastEditedAt) {

        static ExportedProject of(Project p) {
            return new ExportedProject(
                    p.id,
                    p.title,
                    p.wordGoal,
                    p.currentWordCount,
                    p.status.value(),
                    p.deadline,
                    p.treeSeed,
                    p.treeSpecies.value(),
                    p.treeSeason.value(),
                    p.createdAt,
                    p.updatedAt,
                    p.completedAt,
                    p.lastEditedAt);
        }
    }

    private final ProjectRepository projects;
    private final ProjectService service;

    public ProjectUserData(ProjectRepository projects, ProjectService service) {
        this.projects = projects;
        this.service = service;
    }

    @Override
    public Map<String, Object> export(UUID userId) {
        List<ExportedProject> owned =
                projects.find("userId", Sort.ascending("createdAt").and("id"), userId).list().stream()
                        .map(ExportedProject::of)
                        .toList();
        return Map.of("projects", owned);
    }

    @Override
    public void purge(UUID userId) {
        service.purge(userId);
    }
}
