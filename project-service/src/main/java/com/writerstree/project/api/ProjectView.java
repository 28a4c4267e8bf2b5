package com.writerstree.project.api;

import com.writerstree.project.domain.Progress;
import com.writerstree.project.domain.ProjectStatus;
import com.writerstree.project.domain.TreeSeason;
import com.writerstree.project.domain.TreeSpecies;
import com.writerstree.project.persistence.Project;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A project as clients see it (spec §4.3), plus {@code userId} so that other services calling
 * {@code GET /projects/{id}} on a user's behalf learn the owner.
 */
public record ProjectView(
        UUID id,
        UUID userId,
        String title,
        int wordGoal,
        int currentWordCount,
        double progress,
        String treeSeed,
        TreeSpecies treeSpecies,
        TreeSeason treeSeason,
        ProjectStatus status,
        Instant createdAt,
        Instant lastEditedAt,
        LocalDate deadline) {

    static ProjectView of(Project p) {
        return new ProjectView(
                p.id,
                p.userId,
                p.title,
                p.wordGoal,
                p.currentWordCount,
                Progress.percent(p.currentWordCount, p.wordGoal),
                p.treeSeed,
                p.treeSpecies,
                p.treeSeason,
                p.status,
                p.createdAt,
                p.lastEditedAt,
                p.deadline);
    }
}
