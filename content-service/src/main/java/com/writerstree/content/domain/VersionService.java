package com.writerstree.content.domain;

import com.writerstree.content.api.VersionDetail;
import com.writerstree.content.persistence.VersionHistoryRepository;
import com.writerstree.content.persistence.VersionSnapshot;
import com.writerstree.content.api.VersionView;

import com.writerstree.content.config.ContentConfig;
import com.writerstree.content.persistence.ProjectContent;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A project's snapshots (spec §4.4 version history): list, read one, take a manual one. Restores: ContentService. */
@ApplicationScoped
public class VersionService {

    @Inject
    ProjectDirectory projects;

    @Inject
    VersionHistoryRepository versions;

    @Inject
    ProjectContentRepository contents;

    @Inject
    ContentConfig config;

    @Transactional
    public List<VersionView> list(UUID projectId) {
        projects.requireOwned(projectId);
        return versions.listNewestFirst(projectId).stream().map(VersionView::of).toList();
    }

    @Transactional
    public VersionDetail get(UUID projectId, UUID snapshotId) {
        projects.requireOwned(projectId);
        VersionSnapshot snapshot = versions.findById(snapshotId);
        if (snapshot == null || !snapshot.projectId.equals(projectId)) {
            throw ApiException.notFound("Version");
        }
        return VersionDetail.of(snapshot);
    }

    /** A manual snapshot of the current text (also of an archived project, and of a never-saved one: ""). */
    @Transactional
    public VersionView snapshot(UUID projectId, String label) {
        projects.requireOwned(projectId);
        ProjectContent current = contents.findById(projectId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        VersionSnapshot snapshot = VersionSnapshot.of(
                projectId,
                current == null ? "" : current.content,
                current == null ? 0 : current.wordCount,
                current == null ? 0 : current.version,
                now,
                VersionSnapshot.MANUAL,
                label == null || label.isBlank() ? Map.of() : Map.of("label", label.strip()));
        versions.persist(snapshot);
        versions.trim(projectId, config.versionHistoryLimit());
        return VersionView.of(snapshot);
    }
}
