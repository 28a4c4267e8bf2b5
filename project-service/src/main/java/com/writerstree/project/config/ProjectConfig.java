package com.writerstree.project.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** project-service settings ({@code project.*}). */
@ConfigMapping(prefix = "project")
public interface ProjectConfig {

    Listing listing();

    /**
     * How many projects that are not archived a free-tier user may have (spec §7.2 MAX_PROJECTS_REACHED: 5).
     * Premium users have no limit.
     */
    @WithDefault("5")
    int freeTierMaxProjects();

    interface Listing {
        /** Page size of {@code GET /projects} when the client gives no {@code limit} (spec: 50). */
        @WithDefault("50")
        int defaultLimit();

        /** Largest {@code limit} a client may ask for (spec: 100). */
        @WithDefault("100")
        int maxLimit();
    }
}
