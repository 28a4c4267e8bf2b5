package com.writerstree.content.domain;

import com.writerstree.content.api.ContentView;
import com.writerstree.content.persistence.ProjectContent;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.content.api.RestoreResult;
import com.writerstree.content.persistence.RevisionRepository;
import com.writerstree.content.api.SaveContentRequest;
import com.writerstree.content.api.SaveResult;

import com.writerstree.content.config.ContentConfig;
import com.writerstree.content.events.ContentEventPublisher;
import com.writerstree.content.domain.merge.TextPatch;
import com.writerstree.content.domain.merge.ThreeWayMerge;
import com.writerstree.content.persistence.MilestoneRepository;
import com.writerstree.content.api.MilestoneView;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.content.persistence.ProjectReplicaRepository;
import com.writerstree.content.persistence.VersionHistoryRepository;
import com.writerstree.content.persistence.VersionSnapshot;
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
    RevisionRepository revisions;

    @Inject
    ContentEventPublisher events;

    @Inject
    ContentConfig config;

    @Inject
    Caller caller;

    private final Counter saved;
    private final Counter merged;
    private final Counter conflicts;
    private final Counter rejected;
    private final Counter failed;
    private final Timer saveTimer;
    private final Counter milestonesReached;

    @Inject
    ContentService(MeterRegistry registry) {
        this.saved = autoSaves(registry, "success");
        this.merged = autoSaves(registry, "merged");
        this.conflicts = autoSaves(registry, "conflict");
        // a save refused for the client's own mistake (4xx: invalid, too large, not theirs) is "rejected";
        // "error" is kept for the server's failures (5xx, unexpected exceptions), which the alert watches
        this.rejected = autoSaves(registry, "rejected");
        this.failed = autoSaves(registry, "error");
        this.saveTimer = Timer.builder("content_save_seconds")
                .description("Time to handle a content save")
                .register(registry);
        this.milestonesReached = Counter.builder("milestones_reached_total")
                .description("Saves that reached a milestone (counted after commit)")
                .register(registry);
    }

    private static Counter autoSaves(MeterRegistry registry, String status) {
        return Counter.builder("auto_saves_total")
                .description("Content saves by outcome")
                .tag("status", status)
                .register(registry);
    }

    /**
     * Stores the request's text (its {@code content}, or its {@code patch} applied to the base version's text) as
     * the project's next version, three-way merging it when its base is stale; {@code origin} is X-Sync-Origin.
     */
    public SaveResult save(UUID projectId, SaveContentRequest request, String origin) {
        long started = System.nanoTime();
        Counter outcome = failed;
        try {
            boolean full = request.content() != null;
            if (full == (request.patch() != null)) {
                throw full
                        ? ApiException.validation("patch", "Send either content or patch, not both")
                        : ApiException.validation("content", "is required (or a patch)");
            }
            if (!full && request.version() == null) {
                throw ApiException.validation("version", "is required with a patch (the version it applies to)");
            }
            if (full) {
                requireWithinLimit(request.content());
            }
            // a full text is counted before the row lock is taken: the lock is held only for the writes
            Integer counted = full ? WordCounter.count(request.content()) : null;
            // ownership is checked under the row lock (lockEditable), so a save reads the project replica once; only
            // a project not known here yet (its ProjectCreated still on the way) asks project-service and retries
            SaveResult result;
            try {
                result = QuarkusTransaction.requiringNew().call(() -> store(projectId, request, counted, origin));
            } catch (UnknownProject e) {
                projects.requireOwned(projectId); // fills the replica, or 404 / 503
                result = QuarkusTransaction.requiringNew().call(() -> store(projectId, request, counted, origin));
            }
            outcome = result.merged() ? merged : saved;
            if (result.milestoneReached() != null) {
                milestonesReached.increment();
            }
            return result;
        } catch (ApiException e) {
            if (e.code() == ErrorCode.VERSION_CONFLICT) {
                outcome = conflicts;
            } else if (e.status() < 500) {
                outcome = rejected;
            }
            throw e;
        } finally {
            outcome.increment();
            saveTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void requireWithinLimit(String text) {
        if (Utf8.exceeds(text, config.maxContentBytes())) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "Content is larger than the " + config.maxContentBytes() + " bytes a project may hold",
                    Map.of("maxBytes", config.maxContentBytes()));
        }
    }

    private SaveResult store(UUID projectId, SaveContentRequest request, Integer counted, String origin) {
        ProjectReplica project = lockEditable(projectId);
        ProjectContent current = contents.findById(projectId);
        int currentVersion = current == null ? 0 : current.version;
        String currentText = current == null ? "" : current.content;
        Integer base = request.version();

        String baseText = null;
        String clientText;
        if (request.patch() != null) {
            baseText = base == currentVersion
                    ? currentText
                    : revisions.text(projectId, base).orElse(null);
            if (baseText == null) {
                throw conflict(currentVersion, base, currentText);
            }
            try {
                clientText = TextPatch.apply(baseText, request.patch());
            } catch (TextPatch.NotApplicable e) {
                throw new ApiException(
                        ErrorCode.VALIDATION_ERROR,
                        "The patch does not apply to version " + base + ": " + e.getMessage(),
                        Map.of("field", "patch"));
            }
            requireWithinLimit(clientText);
        } else {
            clientText = request.content();
        }
        if (currentText.equals(clientText)) {
            // nothing changed (also when the client's base version is stale): no version, no event
            return unchanged(current, false);
        }

        String text = clientText;
        boolean merged = false;
        if (base != null && base != currentVersion) {
            if (baseText == null) {
                baseText = revisions.text(projectId, base).orElse(null);
            }
            if (baseText == null) {
                // the base is unknown here (pruned, or a version this project never had): nothing to merge against
                throw conflict(currentVersion, base, currentText);
            }
            text = ThreeWayMerge.merge(baseText, currentText, clientText)
                    .orElseThrow(() -> conflict(currentVersion, base, currentText));
            merged = true;
            if (text.equals(currentText)) {
                // the client's edits were already on the server (e.g. a retried save)
                return unchanged(current, true);
            }
            requireWithinLimit(text);
        }
        int wordCount = !merged && counted != null ? counted : WordCounter.count(text);
        Stored stored = commit(project, current, text, wordCount, origin, null);
        return new SaveResult(
                stored.version(), wordCount, stored.savedAt(), stored.milestone(), merged, merged ? text : null);
    }

    /**
     * Restores a snapshot (spec §4.4 POST /versions/{id}/restore): its text becomes the project's next version,
     * through the same path as a save (server word count, milestones, snapshots), announced as VersionRestored.
     * A snapshot whose text is the current text changes nothing.
     */
    public RestoreResult restore(UUID projectId, UUID snapshotId) {
        projects.requireOwned(projectId);
        return QuarkusTransaction.requiringNew().call(() -> {
            ProjectReplica project = lockEditable(projectId);
            VersionSnapshot snapshot = versions.findById(snapshotId);
            if (snapshot == null || !snapshot.projectId.equals(projectId)) {
                throw ApiException.notFound("Version");
            }
            ProjectContent current = contents.findById(projectId);
            String currentText = current == null ? "" : current.content;
            if (currentText.equals(snapshot.content)) {
                return new RestoreResult(
                        current == null ? 0 : current.version, current == null ? 0 : current.wordCount);
            }
            int wordCount = WordCounter.count(snapshot.content);
            Stored stored = commit(project, current, snapshot.content, wordCount, null, snapshot.versionNumber);
            return new RestoreResult(stored.version(), wordCount);
        });
    }

    /** A project this service has no replica of (yet): 404 NOT_FOUND unless the caller tries project-service. */
    private static final class UnknownProject extends ApiException {
        UnknownProject() {
            super(ErrorCode.NOT_FOUND, "Project not found");
        }
    }

    private ProjectReplica lockEditable(UUID projectId) {
        ProjectReplica project = replicas.findForUpdate(projectId).orElseThrow(UnknownProject::new);
        projects.requireOwner(project);
        if (project.isArchived()) {
            throw new ApiException(ErrorCode.PROJECT_ARCHIVED);
        }
        return project;
    }

    private static SaveResult unchanged(ProjectContent current, boolean merged) {
        return current == null
                ? new SaveResult(0, 0, null, null, merged, merged ? "" : null)
                : new SaveResult(
                        current.version,
                        current.wordCount,
                        current.updatedAt,
                        null,
                        merged,
                        merged ? current.content : null);
    }

    private static ApiException conflict(int serverVersion, int clientVersion, String serverContent) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("serverVersion", serverVersion);
        details.put("clientVersion", clientVersion);
        details.put("serverContent", serverContent);
        return new ApiException(ErrorCode.VERSION_CONFLICT, ErrorCode.VERSION_CONFLICT.defaultMessage(), details);
    }

    private record Stored(int version, Instant savedAt, MilestoneView milestone) {}

    /**
     * Writes {@code text} as the next version (inside the caller's transaction, replica row locked): the
     * content row, its revision (and the revision window's pruning), milestones, snapshot and events —
     * ContentSaved, or VersionRestored when {@code restoredFrom} is the restored snapshot's version.
     */
    private Stored commit(
            ProjectReplica project,
            ProjectContent current,
            String text,
            int wordCount,
            String origin,
            Integer restoredFrom) {
        UUID projectId = project.projectId;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int previousWordCount = current == null ? 0 : current.wordCount;
        int previousVersion = current == null ? 0 : current.version;
        if (current == null) {
            current = new ProjectContent();
            current.projectId = projectId;
        }
        current.content = text;
        current.version = previousVersion + 1;
        current.wordCount = wordCount;
        current.updatedAt = now;
        current.updatedBy = caller.userId();
        contents.persist(current);

        ContentConfig.Revisions window = config.revisions();
        revisions.insert(projectId, current.version, text, now);
        revisions.prune(projectId, current.version, window.keepCount(), window.keepFor(), window.maxCount(), now);

        List<MilestoneType> reached = recordMilestones(project, wordCount, now);
        snapshot(current, reached, now);

        if (restoredFrom == null) {
            events.contentSaved(
                    project.userId, projectId, current.version, wordCount, wordCount - previousWordCount, now, origin);
        } else {
            events.versionRestored(
                    project.userId,
                    projectId,
                    current.version,
                    restoredFrom,
                    wordCount,
                    wordCount - previousWordCount,
                    now);
        }
        for (MilestoneType type : reached) {
            events.milestoneReached(project.userId, projectId, type.wireName(), wordCount, project.wordGoal, now);
        }
        MilestoneView highest = reached.isEmpty()
                ? null
                : new MilestoneView(reached.get(reached.size() - 1).wireName(), now, wordCount);
        return new Stored(current.version, now, highest);
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
            snapshot = VersionSnapshot.of(
                    content.projectId,
                    content.content,
                    content.wordCount,
                    content.version,
                    now,
                    VersionSnapshot.MILESTONE,
                    Map.of("milestone", reached.get(reached.size() - 1).wireName()));
        } else {
            int step = config.snapshotEveryWords();
            if (content.wordCount >= step
                    && SnapshotPolicy.crossedStep(
                            versions.latestWordCount(content.projectId).orElse(0), content.wordCount, step)) {
                snapshot = VersionSnapshot.of(
                        content.projectId,
                        content.content,
                        content.wordCount,
                        content.version,
                        now,
                        VersionSnapshot.AUTO,
                        Map.of());
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
        ContentView.Text text = current == null
                ? ContentView.Text.EMPTY
                : new ContentView.Text(current.content, current.version, current.wordCount, current.updatedAt);
        List<MilestoneView> reached = milestones.forGoal(projectId, project.wordGoal).stream()
                .map(MilestoneView::of)
                .toList();
        return new ContentView(text, reached);
    }
}
