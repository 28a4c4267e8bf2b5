package com.writerstree.content.domain;

import com.writerstree.content.api.ContentView;
import com.writerstree.content.api.InternalContent;
import com.writerstree.content.api.MilestoneView;
import com.writerstree.content.domain.text.CurrentText;
import com.writerstree.content.persistence.ContentChunkRepository;
import com.writerstree.content.persistence.MilestoneRepository;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.content.persistence.ProjectReplicaRepository;
import com.writerstree.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Reading a project's current text: for its owner with the milestones of the current word goal (spec §4.4 GET
 * /content), and for another service ({@code /internal}).
 */
@ApplicationScoped
public class ReadContent {

    private final ProjectDirectory projects;
    private final CurrentText texts;
    private final MilestoneRepository milestones;
    private final ProjectReplicaRepository replicas;

    public ReadContent(
            ProjectDirectory projects,
            CurrentText texts,
            MilestoneRepository milestones,
            ProjectReplicaRepository replicas) {
        this.projects = projects;
        this.texts = texts;
        this.milestones = milestones;
        this.replicas = replicas;
    }

    /** The project's current text (a never-saved project: "" at version 0) and its milestones for the current goal. */
    public ContentView read(UUID projectId) {
        ProjectReplica project = projects.requireOwned(projectId);
        ContentView.Text text = texts.current(projectId)
                .map(c -> new ContentView.Text(c.text(), c.version(), c.wordCount(), c.updatedAt()))
                .orElse(ContentView.Text.EMPTY);
        List<MilestoneView> reached = milestones.forGoal(projectId, project.wordGoal).stream()
                .map(MilestoneView::of)
                .toList();
        return new ContentView(text, reached);
    }

    /**
     * A project's current text, version and owner for another service (the route is guarded by the service
     * credential, not by a user): the owner is the replica's, or, with no replica (yet), who saved the text; 404 when
     * neither is known.
     */
    public InternalContent forService(UUID projectId) {
        ProjectReplica replica = replicas.findById(projectId);
        ContentChunkRepository.Current content = texts.current(projectId).orElse(null);
        if (replica == null && content == null) {
            throw ApiException.notFound("Project");
        }
        UUID owner = replica != null ? replica.userId : content.updatedBy();
        return content == null
                ? new InternalContent(projectId, owner, "", 0, 0, null)
                : new InternalContent(
                        projectId, owner, content.text(), content.version(), content.wordCount(), content.updatedAt());
    }
}
