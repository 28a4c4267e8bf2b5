package com.writerstree.stats.domain;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.stats.api.ProjectStatsView;
import com.writerstree.stats.api.ProjectStatsView.MilestoneView;
import com.writerstree.stats.api.ProjectStatsView.SeriesDay;
import com.writerstree.stats.persistence.MilestoneRepository;
import com.writerstree.stats.persistence.MilestoneRepository.MilestoneRow;
import com.writerstree.stats.persistence.ProjectRepository;
import com.writerstree.stats.persistence.ProjectRepository.ProjectRow;
import com.writerstree.stats.persistence.SettingsRepository;
import com.writerstree.stats.persistence.WritingRepository;
import com.writerstree.stats.persistence.WritingRepository.ProjectDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code GET /projects/{id}/stats} and the milestones' {@code celebrated} flag. */
@ApplicationScoped
public class ProjectStatsService {

    public static final Set<String> MILESTONES = Set.of("25_percent", "50_percent", "75_percent", "100_percent");

    private final SettingsRepository settings;
    private final WritingRepository writing;
    private final ProjectRepository projects;
    private final MilestoneRepository milestones;
    private final Clock clock;

    public ProjectStatsService(
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

    /** {@code days}: the length of the daily series (the pace always looks at 14 days). */
    public ProjectStatsView stats(UUID userId, UUID projectId, int days) {
        ProjectRow project = owned(userId, projectId);
        LocalDate today = settings.clockOf(userId).today(clock);
        int window = Math.max(days, 14);
        Map<LocalDate, Integer> added = new HashMap<>();
        Map<LocalDate, Integer> deleted = new HashMap<>();
        for (ProjectDay d : writing.projectDays(projectId, today.minusDays(window - 1L))) {
            added.put(d.date(), d.wordsAdded());
            deleted.put(d.date(), d.wordsDeleted());
        }
        List<SeriesDay> series = new ArrayList<>();
        for (LocalDate d = today.minusDays(days - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            series.add(new SeriesDay(d, added.getOrDefault(d, 0), deleted.getOrDefault(d, 0)));
        }
        GoalProgress progress =
                GoalProgress.of(project.wordGoal(), project.wordCount(), added, today, project.deadline());
        return new ProjectStatsView(
                projectId.toString(),
                project.title(),
                project.status(),
                project.wordGoal(),
                project.wordCount(),
                progress.remaining(),
                today,
                added.getOrDefault(today, 0),
                progress.pace7(),
                progress.pace14(),
                progress.projectedFinish(),
                project.deadline(),
                progress.daysLeft(),
                progress.dailyQuota(),
                progress.onTrack(),
                series,
                milestones.of(projectId).stream().map(ProjectStatsService::view).toList());
    }

    /**
     * Marks a milestone's bloom as seen, so no other device of the writer shows it again. Idempotent: the first
     * celebration's time stays. 404 for an unknown type, a milestone not reached, or another writer's project.
     */
    @Transactional
    public MilestoneView celebrate(UUID userId, UUID projectId, String type) {
        owned(userId, projectId);
        if (!MILESTONES.contains(type)) {
            throw ApiException.notFound("Milestone");
        }
        return milestones
                .celebrate(projectId, type, clock.instant())
                .map(ProjectStatsService::view)
                .orElseThrow(() -> ApiException.notFound("Milestone"));
    }

    /** A project the caller owns; someone else's, a deleted or an unknown one is 404 (existence is not revealed). */
    private ProjectRow owned(UUID userId, UUID projectId) {
        return projects.find(projectId)
                .filter(p -> p.userId().equals(userId) && !p.deleted())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Project not found"));
    }

    private static MilestoneView view(MilestoneRow m) {
        return new MilestoneView(
                m.type(), m.wordGoal(), m.wordCount(), m.achievedAt(), m.celebratedAt() != null, m.celebratedAt());
    }
}
