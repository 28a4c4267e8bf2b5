package com.writerstree.project.persistence;

import com.writerstree.project.domain.ProjectStatus;
import com.writerstree.project.domain.TreeSeason;
import com.writerstree.project.domain.TreeSpecies;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A writing project (spec §2.1). Never leaves the service: resources answer with {@link ProjectView}. */
@Entity
@Table(name = "projects")
public class Project {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "title", nullable = false, length = 500)
    public String title;

    @Column(name = "word_goal", nullable = false)
    public int wordGoal;

    /** Projection of content-service's word count (ContentSaved / VersionRestored). */
    @Column(name = "current_word_count", nullable = false)
    public int currentWordCount;

    /** The content version {@link #currentWordCount} belongs to: older events are ignored. */
    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    @Column(name = "tree_seed", nullable = false, updatable = false)
    public String treeSeed;

    @Convert(converter = TreeSpecies.Column.class)
    @Column(name = "tree_species", nullable = false)
    public TreeSpecies treeSpecies;

    @Convert(converter = TreeSeason.Column.class)
    @Column(name = "tree_season", nullable = false)
    public TreeSeason treeSeason;

    @Convert(converter = ProjectStatus.Column.class)
    @Column(name = "status", nullable = false)
    public ProjectStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "last_edited_at", nullable = false)
    public Instant lastEditedAt;

    /** Optional date the writer wants to finish by (stats-service derives the daily quota from it). */
    @Column(name = "deadline")
    public LocalDate deadline;
}
