package com.writerstree.content.document;

import com.writerstree.content.config.ContentConfig;
import com.writerstree.content.event.ContentEventPublisher;
import com.writerstree.content.milestone.MilestoneRepository;
import com.writerstree.content.milestone.MilestoneRules;
import com.writerstree.content.milestone.MilestoneType;
import com.writerstree.content.milestone.MilestoneView;
import com.writerstree.content.project.ProjectDirectory;
import com.writerstree.content.project.ProjectReplica;
import com.writerstree.content.project.ProjectReplicaRepository;
import com.writerstree.content.version.SnapshotPolicy;
import com.writerstree.content.version.VersionHistoryRepository;
import com.writerstree.content.version.VersionSnapshot;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Saving and reading a project's text (spec §4.4). A save runs in one transaction that holds the project's
 * replica row locked, so saves of one project are applied one after the other and each gets its own version;
 * the new version, its milestones, its snapshot and its events commit together or not at all.
 */
@ApplicationScoped
public class ContentService {

    @Inject
    ProjectDirectory projects;

    @Inject
    ProjectReplicaRepository replicas;

    @Inject
    ProjectContentRepository contents;

    @Inject
    VersionHistoryRepository versions;

    @Inject
    MilestoneRepository milestones;

    @Inject
    ContentEventPublisher events;

    @Inject
    ContentConfig config;

    @Inject
    Caller caller;

    private final Counter saved;
    private final Counter conflicts;
    private final Counter failed;
    private final Timer saveTimer;

    @Inject
    ContentService(MeterRegistry registry) {
        this.saved = autoSaves(registry, "success");
        this.conflicts = autoSaves(registry, "conflict");
        this.failed = autoSaves(registry, "error");
        this.saveTimer = Timer.builder("content_save_seconds").description("Time to handle a content save")
                .register(registry);
    }

    private static Counter autoSaves(MeterRegistry registry, String status) {
        return Counter.builder("auto_saves_total").description("Content saves by outcome").tag("status", status)
                .register(registry);
    }

    /** Stores {@code request.content()} as the project's next version; {@code origin} is the X-Sync-Origin header. */
    public SaveResult save(UUID projectId, SaveContentRequest request, String origin) {
        long started = System.nanoTime();
        Counter outcome = failed;
        try {
            String text = request.content();
            if (Utf8.exceeds(text, config.maxContentBytes())) {
                throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Content is larger than the "
                        + config.maxContentBytes() + " bytes a project may hold",
                        Map.of("maxBytes", config.maxContentBytes()));
            }
            projects.requireOwned(projectId);
            // counted before the row lock is taken: the lock is held only for the writes
            int wordCount = WordCounter.count(text);
            SaveResult result = QuarkusTransaction.requiringNew()
                    .call(() -> store(projectId, text, wordCount, request.version(), origin));
            outcome = saved;
            return result;
        } catch (ApiException e) {
            if (e.code() == ErrorCode.VERSION_CONFLICT) {
                outcome = conflicts;
            }
            throw e;
        } finally {
            outcome.increment();
            saveTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private SaveResult store(UUID projectId, String text, int wordCount, Integer baseVersion, String origin) {
        ProjectReplica project = replicas.findForUpdate(projectId)
                .orElseThrow(() -> ApiException.notFound("Project"));
        projects.requireOwner(project);
        if (project.isArchived()) {
            throw new ApiException(ErrorCode.PROJECT_ARCHIVED);
        }
        ProjectContent current = contents.findById(projectId);
        int currentVersion = current == null ? 0 : current.version;
        String currentText = current == null ? "" : current.content;
        if (currentText.equals(text)) {
            // nothing changed (also when the client's base version is stale): no version, no event
            return current == null ? new SaveResult(0, 0, null, null)
                    : new SaveResult(current.version, current.wordCount, current.updatedAt, null);
        }
        if (baseVersion != null && baseVersion != currentVersion) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("serverVersion", currentVersion);
            details.put("clientVersion", baseVersion);
            details.put("serverContent", currentText);
            throw new ApiException(ErrorCode.VERSION_CONFLICT, ErrorCode.VERSION_CONFLICT.defaultMessage(), details);
        }

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int previousWordCount = current == null ? 0 : current.wordCount;
        if (current == null) {
            current = new ProjectContent();
            current.projectId = projectId;
        }
        current.content = text;
        current.version = currentVersion + 1;
        current.wordCount = wordCount;
        current.updatedAt = now;
        current.updatedBy = caller.userId();
        contents.persist(current);

        List<MilestoneType> reached = recordMilestones(project, wordCount, now);
        snapshot(current, reached, now);

        events.contentSaved(project.userId, projectId, current.version, wordCount, wordCount - previousWordCount, now,
                origin);
        for (MilestoneType type : reached) {
            events.milestoneReached(project.userId, projectId, type.wireName(), wordCount, project.wordGoal, now);
        }
        MilestoneView highest = reached.isEmpty() ? null
                : new MilestoneView(reached.get(reached.size() - 1).wireName(), now, wordCount);
        return new SaveResult(current.version, wordCount, now, highest);
    }

    /** Records every milestone the count reaches that is not recorded yet for the current goal; lowest first. */
    private List<MilestoneType> recordMilestones(ProjectReplica project, int wordCount, Instant now) {
        List<MilestoneType> reachable = MilestoneRules.reached(project.wordGoal, wordCount);
        if (reachable.isEmpty()) {
            return List.of();
        }
        Set<String> recorded = milestones.typesRecorded(project.projectId, project.wordGoal);
        List<MilestoneType> reached = new ArrayList<>();
        for (MilestoneType type : reachable) {
            if (!recorded.contains(type.wireName())
                    && milestones.record(project.userId, project.projectId, type, project.wordGoal, wordCount, now)) {
                reached.add(type);
            }
        }
        return reached;
    }

    /** A milestone snapshot when milestones were reached, else an automatic one each further 1000 words. */
    private void snapshot(ProjectContent content, List<MilestoneType> reached, Instant now) {
        VersionSnapshot snapshot = null;
        if (!reached.isEmpty()) {
            snapshot = VersionSnapshot.of(content.projectId, content.content, content.wordCount, content.version, now,
                    VersionSnapshot.MILESTONE, Map.of("milestone", reached.get(reached.size() - 1).wireName()));
        } else {
            int step = config.snapshotEveryWords();
            if (content.wordCount >= step && SnapshotPolicy.crossedStep(
                    versions.latestWordCount(content.projectId).orElse(0), content.wordCount, step)) {
                snapshot = VersionSnapshot.of(content.projectId, content.content, content.wordCount, content.version,
                        now, VersionSnapshot.AUTO, Map.of());
            }
        }
        if (snapshot != null) {
            versions.persist(snapshot);
            versions.trim(content.projectId, config.versionHistoryLimit());
        }
    }

    /** The project's current text and its milestones for the current word goal. */
    public ContentView read(UUID projectId) {
        ProjectReplica project = projects.requireOwned(projectId);
        ProjectContent current = contents.findById(projectId);
        ContentView.Text text = current == null ? ContentView.Text.EMPTY
                : new ContentView.Text(current.content, current.version, current.wordCount, current.updatedAt);
        List<MilestoneView> reached = milestones.forGoal(projectId, project.wordGoal).stream()
                .map(MilestoneView::of).toList();
        return new ContentView(text, reached);
    }
}
