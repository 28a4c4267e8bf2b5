package com.writerstree.stats.gdpr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.stats.domain.StatsPeriod;
import com.writerstree.stats.domain.UserStatsService;
import com.writerstree.stats.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * stats-service's part of a user's data export: the all-time summary (streaks included), every local-day aggregate,
 * the per-project days and the finer quarter-hour slots, the projects and milestones as stats-service knows them
 * (with when a device celebrated), the writer's settings history and every analytics event still tied to the user.
 * Each list is read by PostgreSQL as JSON, so a column added later cannot be forgotten by a mapper.
 */
@ApplicationScoped
public class UserStatsExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sql sql;
    private final UserStatsService stats;

    public UserStatsExport(Sql sql, UserStatsService stats) {
        this.sql = sql;
        this.stats = stats;
    }

    @Transactional
    public Map<String, Object> parts(UUID userId) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("summary", stats.stats(userId, StatsPeriod.ALL));
        parts.put("dailyAggregates", rows("""
                SELECT date, word_count AS "wordsAdded", words_deleted AS "wordsDeleted", saves,
                       projects_worked_on AS "projectsWorkedOn"
                FROM writing_streaks WHERE user_id = ?""", "date", userId));
        parts.put("projectDays", rows("""
                SELECT project_id AS "projectId", date, words_added AS "wordsAdded",
                       words_deleted AS "wordsDeleted", saves
                FROM project_days WHERE user_id = ?""", "date, \"projectId\"", userId));
        parts.put("writingSlots", rows("""
                SELECT slot_start AS "slotStart", project_id AS "projectId", words_added AS "wordsAdded",
                       words_deleted AS "wordsDeleted", saves
                FROM writing_slots WHERE user_id = ?""", "\"slotStart\", \"projectId\"", userId));
        parts.put("projects", rows("""
                SELECT project_id AS "projectId", title, word_goal AS "wordGoal", status, deadline,
                       word_count AS "wordCount", created_at AS "createdAt", completed_at AS "completedAt", deleted
                FROM projects WHERE user_id = ?""", "\"createdAt\", \"projectId\"", userId));
        parts.put("milestones", rows("""
                SELECT project_id AS "projectId", milestone, word_goal AS "wordGoal", word_count AS "wordCount",
                       achieved_at AS "achievedAt", celebrated_at AS "celebratedAt"
                FROM milestones WHERE user_id = ?""", "\"achievedAt\", milestone", userId));
        parts.put("settings", rows("""
                SELECT effective_from AS "effectiveFrom", changed_at AS "changedAt", timezone,
                       daily_word_goal AS "dailyWordGoal"
                FROM user_settings WHERE user_id = ?""", "\"effectiveFrom\"", userId));
        parts.put("analyticsEvents", rows("""
                SELECT id, event_type AS "eventType", event_data AS "eventData", session_id AS "sessionId",
                       host(ip_address) AS "ipAddress", user_agent AS "userAgent", source, created_at AS "createdAt"
                FROM analytics_events WHERE user_id = ?""", "\"createdAt\", id", userId));
        return parts;
    }

    /** The rows of {@code select} as a JSON array, ordered by {@code orderBy} (columns of the select's output). */
    private JsonNode rows(String select, String orderBy, UUID userId) {
        String json = sql.one(
                        "SELECT coalesce(json_agg(t ORDER BY " + orderBy + "), '[]'::json)::text FROM (" + select
                                + ") t",
                        rs -> rs.getString(1),
                        userId)
                .orElse("[]");
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned invalid JSON", e);
        }
    }
}
