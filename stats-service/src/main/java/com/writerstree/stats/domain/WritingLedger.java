package com.writerstree.stats.domain;

import com.writerstree.stats.persistence.MilestoneRepository;
import com.writerstree.stats.persistence.ProjectRepository;
import com.writerstree.stats.persistence.SettingsRepository;
import com.writerstree.stats.persistence.WritingRepository;
import com.writerstree.stats.persistence.WritingRepository.Slot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns the suite's events into the per-writer, per-local-day aggregates. Every method runs inside the consumer's
 * transaction (InboundEvents records the event id in the same one, so nothing counts twice) and takes the
 * writer's lock first. The result does not depend on the order in which topics are read: a time zone change that
 * arrives after saves it precedes rebuilds that writer's days from the quarter-hour slots.
 */
@ApplicationScoped
public class WritingLedger {

    private static final Logger LOG = Logger.getLogger(WritingLedger.class);

    private final SettingsRepository settings;
    private final WritingRepository writing;
    private final ProjectRepository projects;
    private final MilestoneRepository milestones;

    public WritingLedger(
            SettingsRepository settings,
            WritingRepository writing,
            ProjectRepository projects,
            MilestoneRepository milestones) {
        this.settings = settings;
        this.writing = writing;
        this.projects = projects;
        this.milestones = milestones;
    }

    /** A save: its word delta becomes words added or deleted on the writer's local day of that quarter hour. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saved(UUID userId, UUID projectId, int version, int wordCount, int wordDelta, Instant savedAt) {
        settings.lock(userId);
        Instant slot = WordChange.slotOf(savedAt);
        LocalDate day = settings.clockOf(userId).localDate(slot);
        WordChange change = WordChange.ofDelta(wordDelta);
        writing.recordSave(userId, projectId, version, wordCount, slot, day, change.added(), change.deleted());
    }

    /**
     * A batch of saves in the consumer's one transaction: {@link #lockAll} first, then each save with the writer's
     * clock read once per batch (after the lock, so a zone change cannot slip in between).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void savedLocked(
            Map<UUID, WriterClock> clocks,
            UUID userId,
            UUID projectId,
            int version,
            int wordCount,
            int wordDelta,
            Instant savedAt) {
        Instant slot = WordChange.slotOf(savedAt);
        LocalDate day = clocks.computeIfAbsent(userId, settings::clockOf).localDate(slot);
        WordChange change = WordChange.ofDelta(wordDelta);
        writing.recordSave(userId, projectId, version, wordCount, slot, day, change.added(), change.deleted());
    }

    /** Locks the writers of a batch (see {@link SettingsRepository#lockAll}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(java.util.Collection<UUID> userIds) {
        settings.lockAll(userIds);
    }

    /** A restore changes the manuscript's count but is not writing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restored(UUID userId, UUID projectId, int version, int wordCount) {
        projects.wordCount(projectId, userId, version, wordCount);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void milestone(UUID userId, UUID projectId, String type, int wordGoal, int wordCount, Instant achievedAt) {
        projects.ensure(projectId, userId);
        milestones.reached(projectId, userId, type, wordGoal, wordCount, achievedAt);
    }

    /**
     * A preference change: from the quarter hour of {@code at} on, days are in {@code zone} and need
     * {@code dailyWordGoal} (a writer who sets a zone and writes right away gets that writing in the new zone).
     * When saves after that were already placed on days of the previous zone, the writer's days are rebuilt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settingsChanged(UUID userId, Instant at, ZoneId zone, int dailyWordGoal) {
        settings.lock(userId);
        Instant from = WordChange.slotOf(at);
        ZoneId before = settings.clockOf(userId).zoneAt(from);
        if (!settings.record(userId, from, at, zone.getId(), dailyWordGoal)) {
            return;
        }
        if (!before.equals(zone) && writing.hasSlotsFrom(userId, from)) {
            rebuildDays(userId);
        }
    }

    /** Recomputes a writer's local-day rows from the quarter-hour slots and the zone history. */
    void rebuildDays(UUID userId) {
        WriterClock clock = settings.clockOf(userId);
        Map<UUID, Map<LocalDate, int[]>> byProject = new HashMap<>();
        for (Slot s : writing.slotsOf(userId)) {
            int[] sums = byProject
                    .computeIfAbsent(s.projectId(), p -> new TreeMap<>())
                    .computeIfAbsent(clock.localDate(s.start()), d -> new int[3]);
            sums[0] += s.wordsAdded();
            sums[1] += s.wordsDeleted();
            sums[2] += s.saves();
        }
        List<Object[]> projectRows = new ArrayList<>();
        Map<LocalDate, int[]> byDay = new TreeMap<>();
        Map<LocalDate, Set<UUID>> worked = new HashMap<>();
        byProject.forEach((project, days) -> days.forEach((day, sums) -> {
            projectRows.add(new Object[] {project, day, userId, sums[0], sums[1], sums[2]});
            int[] total = byDay.computeIfAbsent(day, d -> new int[3]);
            total[0] += sums[0];
            total[1] += sums[1];
            total[2] += sums[2];
            worked.computeIfAbsent(day, d -> new HashSet<>()).add(project);
        }));
        List<Object[]> userRows = new ArrayList<>();
        byDay.forEach((day, t) -> userRows.add(
                new Object[] {userId, day, t[0], t[1], t[2], worked.get(day).size()}));
        writing.replaceDays(userId, projectRows, userRows);
        LOG.infof("Local days of user %s rebuilt after a time zone change (%d days)", userId, userRows.size());
    }

    /** The account is gone for good: its numbers go too (analytics stay, without the user). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(UUID userId) {
        settings.lock(userId);
        writing.purge(userId);
        milestones.purge(userId);
        projects.purge(userId);
        settings.purge(userId);
    }
}
