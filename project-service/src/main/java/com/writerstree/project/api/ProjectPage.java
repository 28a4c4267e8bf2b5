package com.writerstree.project.api;

import java.util.List;

/** {@code data} of {@code GET /projects}: one page of the caller's projects and the total across pages. */
public record ProjectPage(List<ProjectView> projects, long total, int limit, int offset) {}
