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
 * Body of {@code POST /projects} (spec §4.3). Every field is optional; an absent field takes its default.
 * The title is trimmed before it is validated. Unknown species/season values fail JSON parsing (400 with the
 * allowed values).
 */
public record CreateProjectRequest(
        @Size(min = 1, max = 500, message = "must be 1 to 500 characters")
        String title,

        @Min(value = ProjectRules.MIN_WORD_GOAL, message = ProjectRules.WORD_GOAL_TOO_LOW)
        @Max(value = ProjectRules.MAX_WORD_GOAL, message = ProjectRules.WORD_GOAL_TOO_HIGH)
        Integer wordGoal,

        TreeSpecies treeSpecies,
        TreeSeason treeSeason,

        /** Optional finish date (ISO yyyy-MM-dd); stats-service shows the daily quota it needs. */
        @ValidDeadline LocalDate deadline) {

    public static final CreateProjectRequest EMPTY = new CreateProjectRequest(null, null, null, null, null);

    public CreateProjectRequest {
        title = title == null ? null : title.strip();
    }

    /** The fields given; the absent ones take their defaults in {@code ProjectService.create}. */
    public ProjectFields fields() {
        return new ProjectFields(title, wordGoal, treeSpecies, treeSeason, deadline);
    }
}
