package com.writerstree.project.api;

import com.writerstree.project.domain.ProjectFields;
import com.writerstree.project.domain.ProjectRules;
import com.writerstree.project.domain.TreeSeason;
import com.writerstree.project.domain.TreeSpecies;
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

        @Min(value = ProjectRules.MIN_WORD_GOAL, message = ProjectRules.WORD_GOAL_TOO_LOW)
        @Max(value = ProjectRules.MAX_WORD_GOAL, message = ProjectRules.WORD_GOAL_TOO_HIGH)
        Integer wordGoal,

        TreeSpecies treeSpecies,
        TreeSeason treeSeason,

        /** Optional finish date (ISO yyyy-MM-dd); stats-service shows the daily quota it needs. */
        @ValidDeadline LocalDate deadline) {

    public UpdateProjectRequest {
        title = title == null ? null : title.strip();
    }

    /** The fields to change (null: unchanged). */
    public ProjectFields fields() {
        return new ProjectFields(title, wordGoal, treeSpecies, treeSeason, deadline);
    }

    /** Whether the body names at least one field to change. */
    public boolean isEmpty() {
        return title == null && wordGoal == null && treeSpecies == null && treeSeason == null && deadline == null;
    }
}
