package com.writerstree.project.api;

import com.writerstree.project.domain.TreeSeason;
import com.writerstree.project.domain.TreeSpecies;
import com.writerstree.project.persistence.Project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code PATCH /projects/{id}} (spec §4.3): the fields to change, validated like creation. An absent
 * (or null) field keeps its value; a body that changes nothing is rejected by the resource.
 */
public record UpdateProjectRequest(
        @Size(min = 1, max = 500, message = "must be 1 to 500 characters")
        String title,

        @Min(value = Project.MIN_WORD_GOAL, message = "Word goal must be at least 1,000")
        @Max(value = Project.MAX_WORD_GOAL, message = "Word goal must be at most 10,000,000")
        Integer wordGoal,

        TreeSpecies treeSpecies,
        TreeSeason treeSeason,

        /** Optional finish date (ISO yyyy-MM-dd); stats-service shows the daily quota it needs. */
        @ValidDeadline LocalDate deadline) {

    public UpdateProjectRequest {
        title = title == null ? null : title.strip();
    }

    /** Whether the body names at least one field to change. */
    public boolean isEmpty() {
        return title == null && wordGoal == null && treeSpecies == null && treeSeason == null && deadline == null;
    }
}
