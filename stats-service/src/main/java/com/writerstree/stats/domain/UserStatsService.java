package com.writerstree.stats.domain;

import com.writerstree.stats.api.DayView;
import com.writerstree.stats.api.UserStatsView;
import com.writerstree.stats.persistence.MilestoneRepository;
import com.writerstree.stats.persistence.ProjectRepository;
import com.writerstree.stats.persistence.SettingsRepository;
import com.writerstree.stats.persistence.WritingRepository;
import com.writerstree.stats.persistence.WritingRepository.UserDay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET /users/me/stats} (spec §4.6) from the local-day aggregates: one read of the writer's days (about
 * 1,100 rows for three years), one of their projects' statuses, one count of milestones.
 */
@ApplicationScoped
public class UserStatsService {

    private final SettingsRepository settings;
    private final WritingRepository writing;
    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final Clock clock;

    public UserStatsService(
            SettingsRepository settings,
            WritingRepository writing,
            ProjectRepository projects,
            MilestoneRepository milestones,
            Clock clock) {
        this.settings = settings;
        this.writing = writing;
        this.projects = projects;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** A response and the writer's clock it was computed with (the read cache checks "today" with it). */
    public record Computed(UserStatsView view, WriterClock clock) {}

    public UserStatsView stats(UUID userId, StatsPeriod period) {
        return compute(userId, period).view();
    }

    /** The writer's data version: moves with every change of what {@link #stats} reads (database triggers). */
    public long version(UUID userId) {
        return writing.statsVersion(userId);
    }

    public Computed compute(UUID userId, StatsPeriod period) {
        WriterClock writer = settings.clockOf(userId);
        LocalDate today = writer.today(clock);
        Optional<LocalDate> first = period.firstDay(today);
        List<UserDay> days = writing.userDays(userId);

        TreeSet<LocalDate> met = new TreeSet<>();
        long total = 0;
        long deleted = 0;
        int writingDays = 0;
        List<DayView> breakdown = new ArrayList<>();
        for (UserDay day : days) {
            boolean goalMet = Streaks.meets(day.wordsAdded(), writer.dailyWordGoalOn(day.date()));
            if (goalMet) {
                met.add(day.date());
            }
            if (first.isPresent() && day.date().isBefore(first.get())
                    || day.date().isAfter(today)) {
                continue;
            }
            total += day.wordsAdded();
            deleted += day.wordsDeleted();
            if (day.wordsAdded() > 0) {
                writingDays++;
            }
            breakdown.add(
                    new DayView(day.date(), day.wordsAdded(), day.wordsDeleted(), day.projectsWorkedOn(), goalMet));
        }
        Streaks.Summary streaks = Streaks.of(met, today);
        Map<String, Integer> byStatus = projects.countsByStatus(userId);
        Instant since = first.map(d -> writer.startOf(d, clock)).orElse(null);
        return new Computed(
                new UserStatsView(
                        period.value(),
                        first.orElse(days.isEmpty() ? today : days.get(0).date()),
                        today,
                        writer.currentZone(clock).getId(),
                        writer.dailyWordGoalOn(today),
                        byStatus.values().stream().mapToInt(Integer::intValue).sum(),
                        byStatus.getOrDefault("active", 0),
                        byStatus.getOrDefault("completed", 0),
                        total,
                        deleted,
                        streaks.current(),
                        streaks.longest(),
                        writingDays == 0 ? 0 : Math.round((double) total / writingDays),
                        writingDays,
                        milestones.countSince(userId, since),
                        newestFirst(breakdown)),
                writer);
    }

    private static List<DayView> newestFirst(List<DayView> days) {
        Collections.reverse(days);
        return days;
    }
}
