package com.writerstree.content.domain;

import com.writerstree.content.api.MilestoneView;
import com.writerstree.content.domain.revision.Revisions;
import com.writerstree.content.domain.text.CurrentText;
import com.writerstree.content.domain.text.TextChange;
import com.writerstree.content.events.ContentEventPublisher;
import com.writerstree.content.persistence.MilestoneRepository;
import com.writerstree.content.persistence.ProjectContentRepository;
import com.writerstree.content.persistence.ProjectReplica;
import com.writerstree.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writes a text as a project's next version, the step a save and a restore share (inside their transaction, the
 * project's replica row locked): the content row, its revision (and the revision window's pruning), the milestones
 * the count reaches, the snapshot, and the events — ContentSaved, or VersionRestored for a restore — followed by
 * the MilestoneReached events.
 */
@ApplicationScoped
public class NextVersion {

    /** What was stored: the new version, when, and the highest milestone this write recorded (or null). */
    public record Stored(int version, Instant savedAt, MilestoneView milestone) {}

    private final ProjectContentRepository contents;
    private final CurrentText texts;
    private final Revisions revisions;
    private final MilestoneRepository milestones;
    private final Snapshots snapshots;
    private final ContentEventPublisher events;
    private final Caller caller;

    public NextVersion(
            ProjectContentRepository contents,
            CurrentText texts,
            Revisions revisions,
            MilestoneRepository milestones,
            Snapshots snapshots,
            ContentEventPublisher events,
            Caller caller) {
        this.contents = contents;
        this.texts = texts;
        this.revisions = revisions;
        this.milestones = milestones;
        this.snapshots = snapshots;
        this.events = events;
        this.caller = caller;
    }

    /**
     * Stores {@code text} (of {@code wordCount} words, counted by the server) after {@code current} (null: never
     * saved), whose text is {@code currentText}. {@code origin} is the save's X-Sync-Origin; {@code restoredFrom} is
     * the restored snapshot's version number, or null for a save.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored write(
            ProjectReplica project,
            ProjectContentRepository.Row current,
            CurrentText.Loaded currentText,
            String text,
            int wordCount,
            String origin,
            Integer restoredFrom) {
        TextChange change = TextChange.between(texts.whole(currentText), text);
        return write(
                project, current, currentText, change, () -> text, wordCount, Utf8.length(text), origin, restoredFrom);
    }

    /**
     * Stores the current text changed by {@code change} as the next version: {@code newText} supplies the whole new
     * text if a keyframe or a snapshot needs it (read after the write, when not known), {@code wordCount} and
     * {@code bytes} are its size. Only the pieces of the current text that the change touches are written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored write(
            ProjectReplica project,
            ProjectContentRepository.Row current,
            CurrentText.Loaded currentText,
            TextChange change,
            Supplier<String> newText,
            int wordCount,
            long bytes,
            String origin,
            Integer restoredFrom) {
        UUID projectId = project.projectId;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int previousWordCount = current == null ? 0 : current.wordCount();
        int version = (current == null ? 0 : current.version()) + 1;
        texts.write(currentText, change);

        // what the previous save left known about the revision window and the snapshots (V6), if it did
        ProjectContentRepository.Facts facts =
                current == null ? ProjectContentRepository.Facts.UNKNOWN : current.facts();
        Revisions.Window known = facts.chain() == null || facts.pivot() == null
                ? null
                : new Revisions.Window(facts.chain(), facts.pivot(), facts.pivotSince());
        Supplier<String> text = memoized(newText);
        // a delta revision is written with the content row below, in one statement (nothing reads it before)
        Revisions.Window window = revisions.record(
                projectId,
                version,
                change.prefix(),
                change.suffix(),
                change.middle(),
                change.newLength(),
                text,
                now,
                known,
                current == null ? null : current.updatedAt(),
                true);

        List<MilestoneType> reached = recordMilestones(project, wordCount, now);
        Integer newestSnapshot =
                snapshots.afterSave(projectId, version, wordCount, text, reached, now, facts.snapshotWordCount());

        // the content row last, with what this save leaves known for the next one
        ProjectContentRepository.Facts after = new ProjectContentRepository.Facts(
                window.newest(), window.pivot(), window.pivotSince(), newestSnapshot);
        // with the piece and the revision the text's and the window's writes left for it (one statement)
        if (current == null) {
            texts.writeLeft(currentText);
            revisions.write(window.unwritten()); // (never one: a first save knows nothing of the window)
            contents.insert(projectId, version, wordCount, bytes, now, caller.userId(), after);
        } else {
            contents.update(
                    projectId,
                    version,
                    wordCount,
                    bytes,
                    now,
                    caller.userId(),
                    after,
                    window.unwritten(),
                    texts.takeUnwritten(currentText));
        }

        if (restoredFrom == null) {
            events.contentSaved(
                    project.userId, projectId, version, wordCount, wordCount - previousWordCount, now, origin);
        } else {
            events.versionRestored(
                    project.userId, projectId, version, restoredFrom, wordCount, wordCount - previousWordCount, now);
        }
        for (MilestoneType type : reached) {
            events.milestoneReached(project.userId, projectId, type.wireName(), wordCount, project.wordGoal, now);
        }
        MilestoneView highest = reached.isEmpty()
                ? null
                : new MilestoneView(reached.get(reached.size() - 1).wireName(), now, wordCount);
        return new Stored(version, now, highest);
    }

    /** {@code supplier}'s value, asked for once at most. */
    private static Supplier<String> memoized(Supplier<String> supplier) {
        return new Supplier<>() {
            private String value;

            @Override
            public String get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
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
}
