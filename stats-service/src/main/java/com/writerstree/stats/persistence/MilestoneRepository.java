package com.writerstree.stats.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Milestones reached (from content-events) and whether a device already showed their bloom. */
@ApplicationScoped
public class MilestoneRepository {

    public record MilestoneRow(String type, int wordGoal, int wordCount, Instant achievedAt, Instant celebratedAt) {}

    private final Sql sql;

    public MilestoneRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Records a milestone. Reached again for another goal (content-service records milestones per project and
     * goal), it is a new bloom: the row takes the new values and is not celebrated yet.
     */
    public void reached(UUID projectId, UUID userId, String type, int wordGoal, int wordCount, Instant achievedAt) {
        sql.update("""
                INSERT INTO milestones (project_id, milestone, user_id, word_goal, word_count, achieved_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id, milestone) DO UPDATE SET word_goal = EXCLUDED.word_goal,
                    word_count = EXCLUDED.word_count, achieved_at = EXCLUDED.achieved_at, celebrated_at = NULL
                WHERE milestones.word_goal <> EXCLUDED.word_goal AND milestones.achieved_at < EXCLUDED.achieved_at
                """, projectId, type, userId, wordGoal, wordCount, achievedAt);
    }

    public List<MilestoneRow> of(UUID projectId) {
        return sql.list(
                "SELECT milestone, word_goal, word_count, achieved_at, celebrated_at FROM milestones "
                        + "WHERE project_id = ? ORDER BY achieved_at, milestone",
                rs -> new MilestoneRow(
                        rs.getString("milestone"),
                        rs.getInt("word_goal"),
                        rs.getInt("word_count"),
                        Sql.instant(rs, "achieved_at"),
                        Sql.instant(rs, "celebrated_at")),
                projectId);
    }

    /** Marks the bloom seen (idempotent: the first time counts); empty when the milestone was not reached. */
    public Optional<MilestoneRow> celebrate(UUID projectId, String type, Instant at) {
        sql.update(
                "UPDATE milestones SET celebrated_at = ? WHERE project_id = ? AND milestone = ? "
                        + "AND celebrated_at IS NULL",
                Sql.at(at),
                projectId,
                type);
        return of(projectId).stream().filter(m -> m.type().equals(type)).findFirst();
    }

    /** Milestones of a writer's projects (deleted projects included: the bloom happened) since {@code from}. */
    public int countSince(UUID userId, Instant from) {
        return sql.one(
                        "SELECT count(*) FROM milestones WHERE user_id = ? AND achieved_at >= ?",
                        rs -> rs.getInt(1),
                        userId,
                        from == null ? Instant.EPOCH : from)
                .orElse(0);
    }

    public void purge(UUID userId) {
        sql.update("DELETE FROM milestones WHERE user_id = ?", userId);
    }
}
