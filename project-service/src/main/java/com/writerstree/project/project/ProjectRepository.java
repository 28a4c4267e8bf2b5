package com.writerstree.project.project;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    private static final Sort DASHBOARD_ORDER = Sort.descending("lastEditedAt").and("createdAt", Sort.Direction.Descending)
            .and("id");

    /** A user's projects, optionally with one status, most recently edited first. */
    public PanacheQuery<Project> ownedBy(UUID userId, Optional<ProjectStatus> status) {
        return status
                .map(s -> find("userId = :userId and status = :status", DASHBOARD_ORDER,
                        Parameters.with("userId", userId).and("status", s)))
                .orElseGet(() -> find("userId = :userId", DASHBOARD_ORDER, Parameters.with("userId", userId)));
    }

    /**
     * Moves the word-count projection to {@code version} unless it already reflects that version or a newer
     * one. Returns whether the row changed (false also when the project does not exist).
     */
    public boolean advanceContent(UUID projectId, int version, int wordCount, Instant savedAt) {
        return update("""
                currentWordCount = :wordCount, lastEditedAt = :savedAt, contentVersion = :version, updatedAt = :now
                where id = :id and contentVersion < :version""",
                Parameters.with("wordCount", wordCount).and("savedAt", savedAt).and("version", version)
                        .and("now", Instant.now()).and("id", projectId)) == 1;
    }
}
