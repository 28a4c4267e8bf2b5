package com.writerstree.stats.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Words written: quarter-hour slots (the source), per project and local day ({@code project_days}), and per
 * writer and local day ({@code writing_streaks}, spec §2.1). Reads never touch the slots.
 */
@ApplicationScoped
public class WritingRepository {

    /** A writer's local day (a row of writing_streaks). */
    public record UserDay(LocalDate date, int wordsAdded, int wordsDeleted, int projectsWorkedOn) {}

    /** A project's local day. */
    public record ProjectDay(LocalDate date, int wordsAdded, int wordsDeleted) {}

    /** A quarter hour of one project's saves. */
    public record Slot(Instant start, UUID projectId, int wordsAdded, int wordsDeleted, int saves) {}

    /**
     * One save, into all three levels and the project's word count in one statement (one round trip per save).
     * A project's first save of a day adds one to the day's projects_worked_on (its project_days row is new:
     * {@code xmax = 0}). The word count only moves forward (the content version is its high-water mark).
     */
    private static final String RECORD_SAVE = """
            WITH project AS (
                INSERT INTO projects (project_id, user_id, word_count, content_version) VALUES (?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET
                    word_count = EXCLUDED.word_count, content_version = EXCLUDED.content_version
                WHERE projects.content_version < EXCLUDED.content_version),
            slot AS (
                INSERT INTO writing_slots (user_id, slot_start, project_id, words_added, words_deleted, saves)
                VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT (user_id, slot_start, project_id) DO UPDATE SET
                    words_added = writing_slots.words_added + EXCLUDED.words_added,
                    words_deleted = writing_slots.words_deleted + EXCLUDED.words_deleted,
                    saves = writing_slots.saves + 1),
            day AS (
                INSERT INTO project_days (project_id, date, user_id, words_added, words_deleted, saves)
                VALUES (?, ?, ?, ?, ?, 1)
                ON CONFLICT (project_id, date) DO UPDATE SET
                    words_added = project_days.words_added + EXCLUDED.words_added,
                    words_deleted = project_days.words_deleted + EXCLUDED.words_deleted,
                    saves = project_days.saves + 1
                RETURNING (xmax = 0) AS fresh)
            INSERT INTO writing_streaks (user_id, date, word_count, words_deleted, saves, projects_worked_on)
            SELECT ?, ?, ?, ?, 1, CASE WHEN day.fresh THEN 1 ELSE 0 END FROM day
            ON CONFLICT (user_id, date) DO UPDATE SET
                word_count = writing_streaks.word_count + EXCLUDED.word_count,
                words_deleted = writing_streaks.words_deleted + EXCLUDED.words_deleted,
                saves = writing_streaks.saves + 1,
                projects_worked_on = writing_streaks.projects_worked_on + EXCLUDED.projects_worked_on
            """;

    private final Sql sql;

    public WritingRepository(Sql sql) {
        this.sql = sql;
    }

    public void recordSave(
            UUID userId,
            UUID projectId,
            int version,
            int wordCount,
            Instant slot,
            LocalDate date,
            int wordsAdded,
            int wordsDeleted) {
        sql.update(
                RECORD_SAVE,
                projectId,
                userId,
                wordCount,
                version,
                userId,
                slot,
                projectId,
                wordsAdded,
                wordsDeleted,
                projectId,
                date,
                userId,
                wordsAdded,
                wordsDeleted,
                userId,
                date,
                wordsAdded,
                wordsDeleted);
    }

    public boolean hasSlotsFrom(UUID userId, Instant from) {
        return sql.one(
                        "SELECT 1 FROM writing_slots WHERE user_id = ? AND slot_start >= ? LIMIT 1",
                        rs -> true,
                        userId,
                        from)
                .isPresent();
    }

    public List<Slot> slotsOf(UUID userId) {
        return sql.list(
                "SELECT slot_start, project_id, words_added, words_deleted, saves FROM writing_slots "
                        + "WHERE user_id = ? ORDER BY slot_start",
                rs -> new Slot(
                        Sql.instant(rs, "slot_start"),
                        rs.getObject("project_id", UUID.class),
                        rs.getInt("words_added"),
                        rs.getInt("words_deleted"),
                        rs.getInt("saves")),
                userId);
    }

    /** Replaces a writer's local-day rows (both levels) with the given ones. */
    public void replaceDays(UUID userId, List<Object[]> projectDays, List<Object[]> userDays) {
        sql.update("DELETE FROM project_days WHERE user_id = ?", userId);
        sql.update("DELETE FROM writing_streaks WHERE user_id = ?", userId);
        sql.batch(
                "INSERT INTO project_days (project_id, date, user_id, words_added, words_deleted, saves) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                projectDays);
        sql.batch(
                "INSERT INTO writing_streaks (user_id, date, word_count, words_deleted, saves, projects_worked_on) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                userDays);
    }

    public List<UserDay> userDays(UUID userId) {
        return sql.list(
                "SELECT date, word_count, words_deleted, projects_worked_on FROM writing_streaks "
                        + "WHERE user_id = ? ORDER BY date",
                rs -> new UserDay(
                        rs.getObject("date", LocalDate.class),
                        rs.getInt("word_count"),
                        rs.getInt("words_deleted"),
                        rs.getInt("projects_worked_on")),
                userId);
    }

    public List<ProjectDay> projectDays(UUID projectId, LocalDate from) {
        return sql.list(
                "SELECT date, words_added, words_deleted FROM project_days WHERE project_id = ? AND date >= ? "
                        + "ORDER BY date",
                rs -> new ProjectDay(
                        rs.getObject("date", LocalDate.class), rs.getInt("words_added"), rs.getInt("words_deleted")),
                projectId,
                from);
    }

    /** The writer's stats version (V3 triggers), 0 before anything was recorded. */
    public long statsVersion(UUID userId) {
        return sql.one("SELECT version FROM user_stats_versions WHERE user_id = ?", rs -> rs.getLong(1), userId)
                .orElse(0L);
    }

    public void purge(UUID userId) {
        sql.update("DELETE FROM writing_slots WHERE user_id = ?", userId);
        sql.update("DELETE FROM project_days WHERE user_id = ?", userId);
        sql.update("DELETE FROM writing_streaks WHERE user_id = ?", userId);
    }
}
