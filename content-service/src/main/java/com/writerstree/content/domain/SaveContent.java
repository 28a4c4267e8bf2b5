package com.writerstree.content.domain;

import com.writerstree.content.api.SaveContentRequest;
import com.writerstree.content.api.SaveResult;
import com.writerstree.content.config.ContentConfig;
import com.writerstree.content.domain.merge.ThreeWayMerge;
import com.writerstree.content.domain.revision.Revisions;
import com.writerstree.content.domain.text.CurrentText;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.platform.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Saving a project's text (spec §4.4), full or delta ({@link DeltaSave}). A save runs in one transaction that holds
 * the project's replica row locked, so saves of one project are applied one after the other and each gets its own
 * version; a save on a stale base is three-way merged ({@link ThreeWayMerge}) or refused as a conflict; the new
 * version, its milestones, its snapshot and its events ({@link NextVersion}) commit together or not at all.
 */
@ApplicationScoped
public class SaveContent {

    private final ProjectDirectory projects;
    private final CurrentText texts;
    private final Revisions revisions;
    private final DeltaSave delta;
    private final NextVersion next;
    private final SaveMetrics metrics;
    private final ContentConfig config;

    public SaveContent(
            ProjectDirectory projects,
            CurrentText texts,
            Revisions revisions,
            DeltaSave delta,
            NextVersion next,
            SaveMetrics metrics,
            ContentConfig config) {
        this.projects = projects;
        this.texts = texts;
        this.revisions = revisions;
        this.delta = delta;
        this.next = next;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Stores the request's text (its {@code content}, or its {@code patch} applied to the base version's text) as
     * the project's next version, three-way merging it when its base is stale; {@code origin} is X-Sync-Origin.
     */
    public SaveResult save(UUID projectId, SaveContentRequest request, String origin) {
        long started = System.nanoTime();
        try {
            SaveResult result = validatedSave(projectId, request, origin);
            metrics.succeeded(result.merged(), result.milestoneReached() != null, System.nanoTime() - started);
            return result;
        } catch (RuntimeException e) {
            metrics.failed(e, System.nanoTime() - started);
            throw e;
        }
    }

    private SaveResult validatedSave(UUID projectId, SaveContentRequest request, String origin) {
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
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(projectId, request, counted, origin));
        } catch (ProjectDirectory.UnknownProject e) {
            projects.requireOwned(projectId); // fills the replica, or 404 / 503
            return QuarkusTransaction.requiringNew().call(() -> store(projectId, request, counted, origin));
        }
    }

    private void requireWithinLimit(String text) {
        if (Utf8.exceeds(text, config.maxContentBytes())) {
            throw ContentErrors.tooLarge(config.maxContentBytes());
        }
    }

    private SaveResult store(UUID projectId, SaveContentRequest request, Integer counted, String origin) {
        // the project locked, then its content row and the pieces' directory: one round trip
        ProjectContentRepository.Locked locked = projects.lockEditableHead(projectId);
        ProjectReplica project = locked.project();
        ProjectContentRepository.Head head = locked.head();
        ProjectContentRepository.Row current = head.row();
        int currentVersion = current == null ? 0 : current.version();
        CurrentText.Loaded loaded = texts.open(projectId, head.directory());
        Integer base = request.version();
        if (request.patch() != null && base == currentVersion) {
            return patchCurrent(project, current, loaded, request, origin);
        }
        String currentText = texts.whole(loaded);

        String baseText = null;
        String clientText;
        if (request.patch() != null) {
            DeltaSave.Patched patched = delta.apply(projectId, base, request.patch(), currentVersion, currentText);
            baseText = patched.baseText();
            clientText = patched.clientText();
            requireWithinLimit(clientText);
        } else {
            clientText = request.content();
        }
        if (currentText.equals(clientText)) {
            // nothing changed (also when the client's base version is stale): no version, no event
            return unchanged(current, currentText, false);
        }

        String text = clientText;
        boolean merged = false;
        if (base != null && base != currentVersion) {
            if (baseText == null) {
                baseText = revisions.text(projectId, base).orElse(null);
            }
            if (baseText == null) {
                // the base is unknown here (pruned, or a version this project never had): nothing to merge against
                throw ContentErrors.conflict(currentVersion, base, currentText);
            }
            text = ThreeWayMerge.merge(baseText, currentText, clientText)
                    .orElseThrow(() -> ContentErrors.conflict(currentVersion, base, currentText));
            merged = true;
            if (text.equals(currentText)) {
                // the client's edits were already on the server (e.g. a retried save)
                return unchanged(current, currentText, true);
            }
            requireWithinLimit(text);
        }
        int wordCount = !merged && counted != null ? counted : WordCounter.count(text);
        NextVersion.Stored stored = next.write(project, current, loaded, text, wordCount, origin, null);
        return new SaveResult(
                stored.version(), wordCount, stored.savedAt(), stored.milestone(), merged, merged ? text : null);
    }

    /**
     * A delta save on the current version (the common case): the patch is applied to the pieces of the current text
     * it touches, the word count and size change by what the edit adds and removes, and only those pieces are
     * rewritten; the rest of the manuscript is neither read nor written.
     */
    private SaveResult patchCurrent(
            ProjectReplica project,
            ProjectContentRepository.Row current,
            CurrentText.Loaded loaded,
            SaveContentRequest request,
            String origin) {
        CurrentText.Patched patched = delta.applyToCurrent(loaded, request.version(), request.patch());
        long bytes = (current == null ? 0 : current.contentBytes()) + patched.byteDelta();
        if (bytes > config.maxContentBytes()) {
            throw ContentErrors.tooLarge(config.maxContentBytes());
        }
        if (patched.unchanged()) {
            // nothing changed: no version, no event
            return unchanged(current, null, false);
        }
        int wordCount = (current == null ? 0 : current.wordCount()) + patched.wordDelta();
        NextVersion.Stored stored = next.write(
                project,
                current,
                loaded,
                patched.change(),
                () -> texts.readWritten(loaded),
                wordCount,
                bytes,
                origin,
                null);
        return new SaveResult(stored.version(), wordCount, stored.savedAt(), stored.milestone(), false, null);
    }

    private static SaveResult unchanged(ProjectContentRepository.Row current, String currentText, boolean merged) {
        return current == null
                ? new SaveResult(0, 0, null, null, merged, merged ? "" : null)
                : new SaveResult(
                        current.version(),
                        current.wordCount(),
                        current.updatedAt(),
                        null,
                        merged,
                        merged ? currentText : null);
    }
}
