package com.writerstree.stats.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What stats-service knows of projects: owner, goal, deadline and status from project-events, word count from
 * content-events. A content event may arrive before the project's ProjectCreated (different topics): it creates
 * the row with what it knows, and ProjectCreated fills in the rest.
 */
@ApplicationScoped
public class ProjectRepository {

    public record ProjectRow(
            UUID projectId,
            UUID userId,
            String title,
            int wordGoal,
            String status,
            LocalDate deadline,
            int wordCount,
            boolean deleted) {}

    private final Sql sql;

    public ProjectRepository(Sql sql) {
        this.sql = sql;
    }

    public void ensure(UUID projectId, UUID userId) {
        sql.update(
                "INSERT INTO projects (project_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", projectId, userId);
    }

    /** Created or updated (the events carry the values after the change). */
    public void describe(
            UUID projectId, UUID userId, String title, int wordGoal, String status, LocalDate deadline, Instant at) {
        sql.update("""
                INSERT INTO projects (project_id, user_id, title, word_goal, status, deadline, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET title = EXCLUDED.title, word_goal = EXCLUDED.word_goal,
                    status = EXCLUDED.status, deadline = COALESCE(EXCLUDED.deadline, projects.deadline),
                    created_at = COALESCE(projects.created_at, EXCLUDED.created_at)
                """, projectId, userId, title, wordGoal, status, deadline, at);
    }

    public void status(UUID projectId, UUID userId, String status, Instant completedAt) {
        ensure(projectId, userId);
        sql.update(
                "UPDATE projects SET status = ?, completed_at = COALESCE(?, completed_at) WHERE project_id = ?",
                status,
                Sql.at(completedAt),
                projectId);
    }

    public void deleted(UUID projectId, UUID userId) {
        ensure(projectId, userId);
        sql.update("UPDATE projects SET deleted = TRUE WHERE project_id = ?", projectId);
    }

    /** Moves the word count forward only (the content version is the high-water mark). */
    public void wordCount(UUID projectId, UUID userId, int version, int wordCount) {
        sql.update("""
                INSERT INTO projects (project_id, user_id, word_count, content_version) VALUES (?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET
                    word_count = EXCLUDED.word_count, content_version = EXCLUDED.content_version
                WHERE projects.content_version < EXCLUDED.content_version
                """, projectId, userId, wordCount, version);
    }

    public Optional<ProjectRow> find(UUID projectId) {
        return sql.one(
                "SELECT project_id, user_id, title, word_goal, status, deadline, word_count, deleted FROM projects "
                        + "WHERE project_id = ?",
                rs -> new ProjectRow(
                        rs.getObject("project_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("title"),
                        rs.getInt("word_goal"),
                        rs.getString("status"),
                        rs.getObject("deadline", LocalDate.class),
                        rs.getInt("word_count"),
                        rs.getBoolean("deleted")),
                projectId);
    }

    /** Projects per status (deleted ones excluded). */
    public Map<String, Integer> countsByStatus(UUID userId) {
        Map<String, Integer> counts = new TreeMap<>();
        sql.list(
                        "SELECT status, count(*) AS n FROM projects WHERE user_id = ? AND NOT deleted GROUP BY status",
                        rs -> Map.entry(rs.getString("status"), rs.getInt("n")),
                        userId)
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    public void purge(UUID userId) {
        sql.update("DELETE FROM projects WHERE user_id = ?", userId);
    }
}
