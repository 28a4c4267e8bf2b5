package com.writerstree.content.domain;

import com.writerstree.content.config.ContentConfig;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.content.persistence.VersionHistoryRepository;
import com.writerstree.content.persistence.VersionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one place that takes snapshots ({@code version_history}, spec §4.4): after a save (a {@code milestone}
 * snapshot, or an {@code auto} one every further {@code content.snapshot-every-words}) and on request
 * ({@code manual}); each new snapshot trims the project's history to {@code content.version-history-limit}
 * automatic and manual snapshots (milestone snapshots are pinned).
 */
@ApplicationScoped
public class Snapshots {

    private final VersionHistoryRepository versions;
    private final ProjectContentRepository contents;
    private final ContentConfig config;

    public Snapshots(VersionHistoryRepository versions, ProjectContentRepository contents, ContentConfig config) {
        this.versions = versions;
        this.contents = contents;
        this.config = config;
    }

    /**
     * After a save (inside its transaction): a milestone snapshot when it recorded milestones (metadata: the
     * highest; one snapshot even if several were crossed at once), else an automatic one when the count lies in a
     * higher step than the newest snapshot's (see {@link SnapshotPolicy}).
     *
     * @param newestWordCount the newest snapshot's word count as the previous save left it known (0: no snapshot),
     *     null when not known: then it is read, when the count reaches the first step
     * @return the newest snapshot's word count after this save, null when not known
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Integer afterSave(
            UUID projectId,
            int version,
            int wordCount,
            Supplier<String> text,
            List<MilestoneType> reached,
            Instant now,
            Integer newestWordCount) {
        int step = config.snapshotEveryWords();
        if (!reached.isEmpty()) {
            take(
                    projectId,
                    text.get(),
                    wordCount,
                    version,
                    now,
                    VersionSnapshot.MILESTONE,
                    Map.of("milestone", reached.get(reached.size() - 1).wireName()));
            return wordCount; // pinned: the newest snapshot from now on
        }
        if (wordCount < step) {
            return newestWordCount;
        }
        int newest = newestWordCount != null
                ? newestWordCount
                : versions.latestWordCount(projectId).orElse(0);
        if (!SnapshotPolicy.crossedStep(newest, wordCount, step)) {
            return newest;
        }
        take(projectId, text.get(), wordCount, version, now, VersionSnapshot.AUTO, Map.of());
        // the newest snapshot from now on, unless the history keeps none (then the next save asks)
        return config.versionHistoryLimit() > 0 ? wordCount : null;
    }

    /**
     * A manual snapshot of version {@code version} (0 for a never-saved project: the empty text) of a project, its
     * text and word count, with an optional label kept as {@code metadata.label}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public VersionSnapshot manual(UUID projectId, int version, String text, int wordCount, String label, Instant now) {
        contents.forgetSnapshotWordCount(projectId); // taken outside a save: the next save reads the newest one
        return take(
                projectId,
                text,
                wordCount,
                version,
                now,
                VersionSnapshot.MANUAL,
                label == null || label.isBlank() ? Map.of() : Map.of("label", label.strip()));
    }

    private VersionSnapshot take(
            UUID projectId,
            String text,
            int wordCount,
            int version,
            Instant now,
            String type,
            Map<String, Object> metadata) {
        VersionSnapshot snapshot = VersionSnapshot.of(projectId, text, wordCount, version, now, type, metadata);
        versions.persist(snapshot);
        versions.trim(projectId, config.versionHistoryLimit());
        return snapshot;
    }
}
