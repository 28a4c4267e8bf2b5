package com.writerstree.content.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A milestone a project reached, once per type and word goal. Written by {@link MilestoneRepository#record}. */
@Entity
@Table(name = "milestones")
public class Milestone {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(name = "milestone_type", nullable = false)
    public String milestoneType;

    @Column(name = "word_goal", nullable = false)
    public int wordGoal;

    @Column(name = "word_count_at_milestone", nullable = false)
    public int wordCountAtMilestone;

    @Column(name = "achieved_at", nullable = false)
    public Instant achievedAt;

    @Column(nullable = false)
    public boolean celebrated;
}
