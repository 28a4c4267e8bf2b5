package com.writerstree.project.domain;

import java.time.LocalDate;

/**
 * The fields a writer sets on a project (creation and PATCH). A null field is absent: creation gives it its default,
 * an update leaves it unchanged.
 */
public record ProjectFields(
        String title, Integer wordGoal, TreeSpecies treeSpecies, TreeSeason treeSeason, LocalDate deadline) {}
