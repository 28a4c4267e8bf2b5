package com.writerstree.content.persistence;

import com.writerstree.content.domain.MilestoneType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

    /**
     * Records a milestone unless it is already recorded for this project, type and goal (also under concurrent
     * saves: the unique constraint decides). Returns whether this call recorded it.
     */
    public boolean record(
            UUID userId, UUID projectId, MilestoneType type, int wordGoal, int wordCount, Instant achievedAt) {
        int inserted = getEntityManager()
                .createNativeQuery("""
                INSERT INTO milestones (id, user_id, project_id, milestone_type, word_goal, word_count_at_milestone,
                                        achieved_at, celebrated)
                VALUES (:id, :userId, :projectId, :type, :goal, :wordCount, :achievedAt, FALSE)
                ON CONFLICT (project_id, milestone_type, word_goal) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("userId", userId)
                .setParameter("projectId", projectId)
                .setParameter("type", type.wireName())
                .setParameter("goal", wordGoal)
                .setParameter("wordCount", wordCount)
                .setParameter("achievedAt", achievedAt)
                .executeUpdate();
        return inserted == 1;
    }

    /** The milestones of a project for its current word goal, in the order they were reached. */
    public List<Milestone> forGoal(UUID projectId, int wordGoal) {
        return list("projectId = ?1 and wordGoal = ?2", projectId, wordGoal).stream()
                .sorted(Comparator.comparing((Milestone m) -> m.achievedAt)
                        .thenComparingInt(m -> MilestoneType.percentOf(m.milestoneType)))
                .toList();
    }

    /** The milestone types already recorded for a project and goal. */
    public Set<String> typesRecorded(UUID projectId, int wordGoal) {
        return getEntityManager()
                .createQuery(
                        "select m.milestoneType from Milestone m where m.projectId = :projectId and m.wordGoal = :goal",
                        String.class)
                .setParameter("projectId", projectId)
                .setParameter("goal", wordGoal)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    public long deleteByProject(UUID projectId) {
        return delete("projectId", projectId);
    }
}
