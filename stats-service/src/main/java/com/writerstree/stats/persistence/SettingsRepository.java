package com.writerstree.stats.persistence;

import com.writerstree.stats.domain.WriterClock;
import com.writerstree.stats.domain.WriterClock.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The writers' time zone and daily target history ({@code user_settings}), and the per-user lock. */
@ApplicationScoped
public class SettingsRepository {

    /** Advisory-lock namespace of stats-service, so that its locks cannot collide with another use of them. */
    private static final int LOCK_NAMESPACE = 0x57A7_0001;

    private final Sql sql;

    public SettingsRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Serialises the work on one writer's aggregates until the transaction ends: a save and a rebuild of that
     * writer's days (after a late time zone change) must not interleave.
     */
    public void lock(UUID userId) {
        sql.list("SELECT pg_advisory_xact_lock(?, ?)", rs -> 1, LOCK_NAMESPACE, userId.hashCode());
    }

    /**
     * Locks several writers for the rest of the transaction, in a fixed order (ascending lock key), so that two
     * transactions locking overlapping sets cannot deadlock. Taking a lock held already is a no-op.
     */
    public void lockAll(java.util.Collection<UUID> userIds) {
        userIds.stream()
                .mapToInt(UUID::hashCode)
                .distinct()
                .sorted()
                .forEach(key -> sql.list("SELECT pg_advisory_xact_lock(?, ?)", rs -> 1, LOCK_NAMESPACE, key));
    }

    public WriterClock clockOf(UUID userId) {
        return new WriterClock(sql.list(
                "SELECT effective_from, timezone, daily_word_goal FROM user_settings WHERE user_id = ?",
                rs -> new Setting(
                        Sql.instant(rs, "effective_from"),
                        WriterClock.zoneOrUtc(rs.getString("timezone")),
                        rs.getInt("daily_word_goal")),
                userId));
    }

    /**
     * Records a change effective from {@code effectiveFrom} (a quarter hour); of two changes in one quarter hour
     * the later one ({@code changedAt}) stays. False when nothing changed.
     */
    public boolean record(UUID userId, Instant effectiveFrom, Instant changedAt, String zone, int dailyWordGoal) {
        return sql.update("""
                        INSERT INTO user_settings (user_id, effective_from, changed_at, timezone, daily_word_goal)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (user_id, effective_from) DO UPDATE SET changed_at = EXCLUDED.changed_at,
                            timezone = EXCLUDED.timezone, daily_word_goal = EXCLUDED.daily_word_goal
                        WHERE user_settings.changed_at < EXCLUDED.changed_at
                        """, userId, effectiveFrom, changedAt, zone, dailyWordGoal) == 1;
    }

    public List<Instant> changesOf(UUID userId) {
        return sql.list(
                "SELECT effective_from FROM user_settings WHERE user_id = ? ORDER BY effective_from",
                rs -> Sql.instant(rs, "effective_from"),
                userId);
    }

    public void purge(UUID userId) {
        sql.update("DELETE FROM user_settings WHERE user_id = ?", userId);
        // last: the version triggers of the deletes above have just written the user's row again
        sql.update("DELETE FROM user_stats_versions WHERE user_id = ?", userId);
    }
}
