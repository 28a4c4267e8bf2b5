package com.writerstree.content.domain;

import com.writerstree.content.api.VersionDetail;
import com.writerstree.content.api.VersionView;
import com.writerstree.content.domain.text.CurrentText;
import com.writerstree.content.persistence.VersionHistoryRepository;
import com.writerstree.content.persistence.VersionSnapshot;
import com.writerstree.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A project's snapshots (spec §4.4 version history): list, read one, take a manual one (through {@link Snapshots},
 * the one place snapshots are made). Restores: {@link RestoreVersion}.
 */
@ApplicationScoped
public class VersionHistory {

    private final ProjectDirectory projects;
    private final VersionHistoryRepository versions;
    private final CurrentText texts;
    private final Snapshots snapshots;

    public VersionHistory(
            ProjectDirectory projects, VersionHistoryRepository versions, CurrentText texts, Snapshots snapshots) {
        this.projects = projects;
        this.versions = versions;
        this.texts = texts;
        this.snapshots = snapshots;
    }

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
        // one at a time with the project's saves: a save keeps the newest snapshot's word count (Snapshots.afterSave)
        projects.lock(projectId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // the version and its text in one read (a save committing meanwhile cannot mix two versions)
        return VersionView.of(texts.current(projectId)
                .map(c -> snapshots.manual(projectId, c.version(), c.text(), c.wordCount(), label, now))
                .orElseGet(() -> snapshots.manual(projectId, 0, "", 0, label, now)));
    }
}
