package com.writerstree.content.domain;

import com.writerstree.content.api.RestoreResult;
import com.writerstree.content.domain.text.CurrentText;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.content.persistence.VersionHistoryRepository;
import com.writerstree.content.persistence.VersionSnapshot;
import com.writerstree.platform.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Restoring a snapshot (spec §4.4 POST /versions/{id}/restore): its text becomes the project's next version,
 * through the same write as a save ({@link NextVersion}: server word count, milestones, snapshots), announced as
 * VersionRestored. A snapshot whose text is the current text changes nothing.
 */
@ApplicationScoped
public class RestoreVersion {

    private final ProjectDirectory projects;
    private final CurrentText texts;
    private final VersionHistoryRepository versions;
    private final NextVersion next;

    public RestoreVersion(
            ProjectDirectory projects, CurrentText texts, VersionHistoryRepository versions, NextVersion next) {
        this.projects = projects;
        this.texts = texts;
        this.versions = versions;
        this.next = next;
    }

    public RestoreResult restore(UUID projectId, UUID snapshotId) {
        projects.requireOwned(projectId);
        return QuarkusTransaction.requiringNew().call(() -> {
            ProjectContentRepository.Locked locked = projects.lockEditableHead(projectId);
            ProjectReplica project = locked.project();
            VersionSnapshot snapshot = versions.findById(snapshotId);
            if (snapshot == null || !snapshot.projectId.equals(projectId)) {
                throw ApiException.notFound("Version");
            }
            ProjectContentRepository.Head head = locked.head();
            ProjectContentRepository.Row current = head.row();
            CurrentText.Loaded loaded = texts.open(projectId, head.directory());
            String currentText = texts.whole(loaded);
            if (currentText.equals(snapshot.content)) {
                return new RestoreResult(
                        current == null ? 0 : current.version(), current == null ? 0 : current.wordCount());
            }
            int wordCount = WordCounter.count(snapshot.content);
            NextVersion.Stored stored =
                    next.write(project, current, loaded, snapshot.content, wordCount, null, snapshot.versionNumber);
            return new RestoreResult(stored.version(), wordCount);
        });
    }
}
