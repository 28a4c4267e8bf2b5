package com.writerstree.content.domain;

import com.writerstree.content.domain.revision.Revisions;
import com.writerstree.content.domain.text.CurrentText;
import com.writerstree.content.persistence.MilestoneRepository;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.content.persistence.ProjectReplicaRepository;
import com.writerstree.content.persistence.VersionHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * What project-service's changes mean here (applied from {@code project-events}, inside the consumer's
 * transaction): the project replica (owner, title, word goal, status) follows them, and a deleted project takes its
 * content, history, revisions and milestones with it.
 */
@ApplicationScoped
public class ProjectChanges {

    private final ProjectReplicaRepository replicas;
    private final ProjectContentRepository contents;
    private final CurrentText texts;
    private final VersionHistoryRepository versions;
    private final MilestoneRepository milestones;
    private final Revisions revisions;

    public ProjectChanges(
            ProjectReplicaRepository replicas,
            ProjectContentRepository contents,
            CurrentText texts,
            VersionHistoryRepository versions,
            MilestoneRepository milestones,
            Revisions revisions) {
        this.replicas = replicas;
        this.contents = contents;
        this.texts = texts;
        this.versions = versions;
        this.milestones = milestones;
        this.revisions = revisions;
    }

    /** Created or updated: the replica becomes what the event says (a missing title keeps the known one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void described(UUID projectId, UUID userId, String title, int wordGoal, String status) {
        replicas.upsert(projectId, userId, title, wordGoal, status);
    }

    /** Archived, restored (to the event's status, else active) or completed; an unknown project stays unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(UUID projectId, String status) {
        replicas.updateStatus(projectId, status == null ? ProjectReplica.ACTIVE : status);
    }

    /** Deleted: the project's milestones, snapshots, revisions, text and replica are removed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID projectId) {
        milestones.deleteByProject(projectId);
        versions.deleteByProject(projectId);
        revisions.erase(projectId);
        texts.erase(projectId);
        contents.deleteById(projectId);
        replicas.deleteById(projectId);
    }
}
