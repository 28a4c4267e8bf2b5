package com.writerstree.project.api;

import com.writerstree.project.domain.TreeSeason;
import com.writerstree.project.domain.TreeSpecies;
import com.writerstree.project.persistence.Project;

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

        @Min(value = Project.MIN_WORD_GOAL, message = "Word goal must be at least 1,000")
        @Max(value = Project.MAX_WORD_GOAL, message = "Word goal must be at most 10,000,000")
        Integer wordGoal,

        TreeSpecies treeSpecies,
        TreeSeason treeSeason,

        /** Optional finish date (ISO yyyy-MM-dd); stats-service shows the daily quota it needs. */
        @ValidDeadline LocalDate deadline) {

    public static final CreateProjectRequest EMPTY = new CreateProjectRequest(null, null, null, null, null);

    public CreateProjectRequest {
        title = title == null ? null : title.strip();
    }

    public String titleOrDefault() {
        return title == null ? Project.DEFAULT_TITLE : title;
    }

    public int wordGoalOrDefault() {
        return wordGoal == null ? Project.DEFAULT_WORD_GOAL : wordGoal;
    }

    public TreeSpecies treeSpeciesOrDefault() {
        return treeSpecies == null ? TreeSpecies.OAK : treeSpecies;
    }

    public TreeSeason treeSeasonOrDefault() {
        return treeSeason == null ? TreeSeason.SPRING : treeSeason;
    }
}
