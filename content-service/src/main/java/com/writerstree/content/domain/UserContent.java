package com.writerstree.content.domain;

import com.writerstree.content.domain.revision.Revisions;
import com.writerstree.content.domain.text.CurrentText;
import com.writerstree.content.persistence.ContentChunkRepository;
import com.writerstree.content.persistence.Milestone;
import com.writerstree.content.persistence.MilestoneRepository;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.content.persistence.ProjectReplicaRepository;
import com.writerstree.content.persistence.VersionHistoryRepository;
import com.writerstree.content.persistence.VersionSnapshot;
import com.writerstree.platform.gdpr.UserDataExport.ExportFile;
import com.writerstree.platform.messaging.userdata.UserDataOwner;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Everything content-service holds of one user, for the data export and the purge (issue 15). A user's projects are
 * those the replica says they own, plus any text they saved or milestone they reached in a project whose replica is
 * missing (a project another user owns is never theirs, whatever its {@code updated_by}).
 */
@ApplicationScoped
public class UserContent implements UserDataOwner {

    private static final Logger LOG = Logger.getLogger(UserContent.class);

    /** The export: one entry per project (text as a file, versions with their texts, milestones) and the files. */
    private final ProjectReplicaRepository replicas;

    private final ProjectContentRepository contents;
    private final CurrentText texts;
    private final VersionHistoryRepository versions;
    private final MilestoneRepository milestones;
    private final Revisions revisions;
    private final ProjectChanges projects;

    public UserContent(
            ProjectReplicaRepository replicas,
            ProjectContentRepository contents,
            CurrentText texts,
            VersionHistoryRepository versions,
            MilestoneRepository milestones,
            Revisions revisions,
            ProjectChanges projects) {
        this.replicas = replicas;
        this.contents = contents;
        this.texts = texts;
        this.versions = versions;
        this.milestones = milestones;
        this.revisions = revisions;
        this.projects = projects;
    }

    /** The ids of the user's projects, in a stable order. */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<UUID> projectsOf(UUID userId) {
        Set<UUID> ids = new TreeSet<>();
        replicas.find("userId", userId).stream().forEach(r -> ids.add(r.projectId));
        contents.find("updatedBy", userId).stream()
                .map(c -> c.projectId)
                .filter(id -> replicas.findById(id) == null)
                .forEach(ids::add);
        milestones.find("userId", userId).stream()
                .map(m -> m.projectId)
                .filter(id -> replicas.findById(id) == null)
                .forEach(ids::add);
        return ids;
    }

    /**
     * The export part {@code projects}: per project the current content (its Markdown file's path, version, word
     * count), the stored versions with their texts, the milestones and the merge window's revisions.
     */
    @Override
    @Transactional
    public Map<String, Object> export(UUID userId) {
        List<Map<String, Object>> projects = new ArrayList<>();
        for (UUID projectId : projectsOf(userId)) {
            ProjectReplica replica = replicas.findById(projectId);
            ContentChunkRepository.Current content = texts.current(projectId).orElse(null);
            String title = replica == null ? null : replica.title;
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("projectId", projectId);
            project.put("title", title);
            if (replica != null) {
                project.put("wordGoal", replica.wordGoal);
                project.put("status", replica.status);
            }
            if (content != null) {
                ExportFile file = ExportFile.manuscript(title, projectId, content.text());
                Map<String, Object> current = new LinkedHashMap<>();
                current.put("file", file.path());
                current.put("version", content.version());
                current.put("wordCount", content.wordCount());
                current.put("updatedAt", content.updatedAt());
                project.put("content", current);
            } else {
                project.put("content", null);
            }
            project.put(
                    "versions",
                    versions.listNewestFirst(projectId).stream()
                            .map(UserContent::version)
                            .toList());
            project.put(
                    "milestones",
                    milestones.find("projectId", Sort.ascending("achievedAt").and("milestoneType"), projectId).stream()
                            .map(UserContent::milestone)
                            .toList());
            // the merge window's versions (their texts are earlier states of the same manuscript, kept for merging)
            project.put("recentRevisions", revisions.versions(projectId));
            projects.add(project);
        }
        return Map.of("projects", projects);
    }

    /** Each project's current text as a Markdown file of the ZIP ({@code manuscripts/<title>-<id>.md}). */
    @Override
    @Transactional
    public List<ExportFile> files(UUID userId) {
        List<ExportFile> files = new ArrayList<>();
        for (UUID projectId : projectsOf(userId)) {
            Optional<String> text = texts.current(projectId).map(ContentChunkRepository.Current::text);
            if (text.isPresent()) {
                ProjectReplica replica = replicas.findById(projectId);
                files.add(ExportFile.manuscript(replica == null ? null : replica.title, projectId, text.get()));
            }
        }
        return files;
    }

    /**
     * Deletes every row of the user (UserPurged, in the transaction that records the purge receipt): their projects'
     * milestones, versions, revisions, text and replica.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(UUID userId) {
        Set<UUID> owned = projectsOf(userId);
        owned.forEach(projects::erase);
        // a row of someone else's project that still names the user (none in practice: only owners write)
        milestones.delete("userId", userId);
        contents.update("updatedBy = null where updatedBy = ?1", userId);
        LOG.infof("Purge of user %s: deleted the content of %d projects", userId, owned.size());
    }

    private static Map<String, Object> version(VersionSnapshot s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id);
        v.put("versionNumber", s.versionNumber);
        v.put("wordCount", s.wordCount);
        v.put("createdAt", s.createdAt);
        v.put("snapshotType", s.snapshotType);
        v.put("metadata", s.metadata);
        v.put("text", s.content);
        return v;
    }

    private static Map<String, Object> milestone(Milestone m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", m.milestoneType);
        v.put("wordGoal", m.wordGoal);
        v.put("wordCountAtMilestone", m.wordCountAtMilestone);
        v.put("achievedAt", m.achievedAt);
        v.put("celebrated", m.celebrated);
        return v;
    }
}
