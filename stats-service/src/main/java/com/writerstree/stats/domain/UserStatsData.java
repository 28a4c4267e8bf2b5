package com.writerstree.stats.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.messaging.userdata.UserDataOwner;
import com.writerstree.stats.persistence.AnalyticsRepository;
import com.writerstree.stats.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What stats-service holds of a user, for the shared user-data plumbing (platform-messaging {@link UserDataOwner}):
 * the export part (GET /internal/users/{userId}/export) and the purge on UserPurged (the rows deleted, the analytics
 * events anonymised, in the transaction that records the purge receipt). The export part: the all-time summary (streaks included), every local-day aggregate,
 * the per-project days and the finer quarter-hour slots, the projects and milestones as stats-service knows them
 * (with when a device celebrated), the writer's settings history and every analytics event still tied to the user.
 * Each list is read by PostgreSQL as JSON, so a column added later cannot be forgotten by a mapper.
 */
@ApplicationScoped
public class UserStatsData implements UserDataOwner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sql sql;
    private final UserStatsService stats;
    private final WritingLedger ledger;
    private final AnalyticsRepository analyticsRows;

    public UserStatsData(Sql sql, UserStatsService stats, WritingLedger ledger, AnalyticsRepository analyticsRows) {
        this.sql = sql;
        this.stats = stats;
        this.ledger = ledger;
        this.analyticsRows = analyticsRows;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(UUID userId) {
        ledger.purge(userId);
        analyticsRows.forget(userId);
    }

    @Override
    @Transactional
    public Map<String, Object> export(UUID userId) {
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
