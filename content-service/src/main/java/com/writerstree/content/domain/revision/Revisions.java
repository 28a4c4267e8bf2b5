package com.writerstree.content.domain.revision;

import com.writerstree.content.config.ContentConfig;
import com.writerstree.content.persistence.RevisionRepository;
import com.writerstree.content.persistence.StoredRevision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A project's revision window ({@code content_revisions}): the texts of its recent versions, the bases of three-way
 * merges and delta saves. The one place revisions are written ({@link #record}: a delta against the previous
 * version, or a keyframe per {@link KeyframePolicy}; then the window is pruned) and the one place a version's text
 * is read back ({@link #text}: its chain in one query, rebuilt by {@link RevisionChain}).
 */
@ApplicationScoped
public class Revisions {

    private static final Logger LOG = Logger.getLogger(Revisions.class);

    private final RevisionRepository repository;
    private final ContentConfig.Revisions window;
    private final KeyframePolicy keyframes;

    public Revisions(RevisionRepository repository, ContentConfig config) {
        this.repository = repository;
        this.window = config.revisions();
        this.keyframes = new KeyframePolicy(window.keyframeMaxDeltas(), window.keyframeMaxDeltaFraction());
    }

    /**
     * What a save knows about the window without reading it (kept with the project's content row, V6): the chain
     * counters of the newest revision, the oldest keyframe above the oldest kept revision ({@code pivot}, 0: none; the
     * keyframe pruning would cut back to next) and a time no kept revision from {@code pivot - 1} on is older than.
     * Pruning can delete something only once a revision from {@code pivot - 1} on falls out of the window (see
     * {@link #pruneMayDelete}), so until then a save neither reads the previous revision nor runs the pruning.
     */
    public record Window(
            StoredRevision.Chain newest, int pivot, Instant pivotSince, RevisionRepository.Delta unwritten) {

        public Window(StoredRevision.Chain newest, int pivot, Instant pivotSince) {
            this(newest, pivot, pivotSince, null);
        }
    }

    /**
     * Stores {@code text} as the revision of {@code version}, whose previous version's text is {@code previousText}
     * (the project's text before this write; "" before the first), then prunes the window. Knows nothing beforehand:
     * reads the previous revision's counters and prunes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Window record(UUID projectId, int version, String previousText, String text, Instant now) {
        RevisionDelta delta = RevisionDelta.between(previousText, text);
        return record(
                projectId,
                version,
                delta.prefix(),
                delta.suffix(),
                delta.middle(text),
                text.length(),
                () -> text,
                now,
                null,
                null,
                false);
    }

    /**
     * Stores the revision of {@code version}: the previous version's text with its code units between the first
     * {@code prefix} and the last {@code suffix} replaced by {@code middle} ({@code length} code units in all), then
     * prunes the window when it may hold something to delete. Writes that middle only, or, when a keyframe is due,
     * the whole text {@code text} supplies; reads no text.
     *
     * @param known what the previous save left known about the window (its {@link Window}), null when not known:
     *     then the previous revision's counters are read and the window is pruned, as when it may be due
     * @param previousSavedAt when the previous version was saved (its revision's {@code created_at}), with
     *     {@code known}
     * @param deferDelta for a save that writes its content row next: when the revision is a delta and the window
     *     needs no pruning (the common save), the row is not written here but returned as {@link Window#unwritten},
     *     for the caller to write in the same statement as the content row (one round trip less); the caller must
     *     write it before the transaction ends and must not read the window before (nothing in a save does; the
     *     pruning, which does, writes the row first)
     * @return the window after this revision, for the next save
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Window record(
            UUID projectId,
            int version,
            int prefix,
            int suffix,
            String middle,
            int length,
            Supplier<String> text,
            Instant now,
            Window known,
            Instant previousSavedAt,
            boolean deferDelta) {
        StoredRevision.Chain previous;
        if (known != null) {
            previous = known.newest(); // the previous version's row: written by the save that left `known`
        } else {
            previous = version > 1 ? repository.chainOf(projectId, version - 1).orElse(null) : null;
        }
        StoredRevision.Chain chain = keyframes.next(previous, previous == null ? length : middle.length(), length);
        RevisionRepository.Delta delta = null;
        if (chain.length() == 0) {
            repository.insertKeyframe(projectId, version, text.get(), now);
        } else {
            delta = new RevisionRepository.Delta(projectId, version, prefix, suffix, middle, chain, now);
        }
        if (known == null) {
            writeDelta(delta);
            return prune(projectId, version, chain, now);
        }
        int pivot = known.pivot();
        Instant since = earliest(known.pivotSince(), now);
        if (pivot == 0 && chain.length() == 0) {
            // the first keyframe above the oldest kept revision (which the previous version's row is, or follows)
            pivot = version;
            since = earliest(previousSavedAt, now);
        }
        // (a since not known stays null: pruneMayDelete then goes by the counts alone, as if it were long ago)
        if (pivot > 0 && pruneMayDelete(pivot, since, version, now)) {
            writeDelta(delta);
            return prune(projectId, version, chain, now);
        }
        if (deferDelta) {
            return new Window(chain, pivot, pivot == 0 ? null : since, delta);
        }
        writeDelta(delta);
        return new Window(chain, pivot, pivot == 0 ? null : since);
    }

    /** Writes a delta row {@link #record} left unwritten ({@code deferDelta}; null: nothing to write). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(RevisionRepository.Delta unwritten) {
        writeDelta(unwritten);
    }

    private void writeDelta(RevisionRepository.Delta delta) {
        if (delta != null) {
            repository.insertDelta(delta);
        }
    }

    /**
     * Whether pruning after {@code newest} may delete anything: only when some revision {@code d >= pivot - 1} is due
     * (not among the newest {@code keep-count}, and older than {@code keep-for} or not among the newest
     * {@code max-count}). Pruning deletes below the newest keyframe at or below the newest due revision + 1; that is
     * above the oldest kept revision only when it is {@code pivot} or later, i.e. when a due revision is
     * {@code pivot - 1} or later. Conservative: {@code since} is at most the age of any of those revisions.
     */
    boolean pruneMayDelete(int pivot, Instant since, int newest, Instant now) {
        int first = pivot - 1;
        if (first > newest - window.keepCount()) {
            return false;
        }
        return first <= newest - Math.max(window.maxCount(), window.keepCount())
                || since == null
                || since.isBefore(now.minus(window.keepFor()));
    }

    /** Prunes the window (the one {@code DELETE}) and reads where the next pruning can start. */
    private Window prune(UUID projectId, int version, StoredRevision.Chain chain, Instant now) {
        repository.prune(projectId, version, window.keepCount(), window.keepFor(), window.maxCount(), now);
        RevisionRepository.Pivot pivot = repository.pivot(projectId);
        return new Window(chain, pivot.version(), pivot.since());
    }

    /** The earlier of a time that may not be known (null: stays not known) and {@code now}. */
    private static Instant earliest(Instant known, Instant now) {
        return known == null ? null : now.isBefore(known) ? now : known;
    }

    /** The text of {@code version}, if still kept; version 0 (never saved) is the empty text. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> text(UUID projectId, int version) {
        if (version == 0) {
            return Optional.of("");
        }
        List<StoredRevision> chain = repository.chainTo(projectId, version);
        if (chain.isEmpty()) {
            return Optional.empty(); // not kept (pruned, or never a version of this project)
        }
        Optional<String> text = RevisionChain.text(chain, version);
        if (text.isEmpty() && chain.get(chain.size() - 1).version() == version) {
            // kept but not rebuildable: only if rows were lost (e.g. pruned by an older build during a rollout);
            // the caller answers as for a base no longer kept (409 with the server text), never with a wrong text
            LOG.warnf("Revision %d of project %s cannot be rebuilt from its %d rows", version, projectId, chain.size());
        }
        return text;
    }

    /** Versions kept for a project, newest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Integer> versions(UUID projectId) {
        return repository.versions(projectId);
    }

    /** Deletes all of a project's revisions (project deleted, user purged). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID projectId) {
        repository.deleteByProject(projectId);
    }
}
