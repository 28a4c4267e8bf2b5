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
     * Stores {@code text} as the revision of {@code version}, whose previous version's text is {@code previousText}
     * (the project's text before this write; "" before the first), then prunes the window.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID projectId, int version, String previousText, String text, Instant now) {
        RevisionDelta delta = RevisionDelta.between(previousText, text);
        record(projectId, version, delta.prefix(), delta.suffix(), delta.middle(text), text.length(), () -> text, now);
    }

    /**
     * Stores the revision of {@code version}: the previous version's text with its code units between the first
     * {@code prefix} and the last {@code suffix} replaced by {@code middle} ({@code length} code units in all), then
     * prunes the window. Writes that middle only, or, when a keyframe is due, the whole text {@code text} supplies;
     * reads no text.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            UUID projectId,
            int version,
            int prefix,
            int suffix,
            String middle,
            int length,
            Supplier<String> text,
            Instant now) {
        StoredRevision.Chain previous =
                version > 1 ? repository.chainOf(projectId, version - 1).orElse(null) : null;
        StoredRevision.Chain chain = keyframes.next(previous, previous == null ? length : middle.length(), length);
        if (chain.length() == 0) {
            repository.insertKeyframe(projectId, version, text.get(), now);
        } else {
            repository.insertDelta(projectId, version, prefix, suffix, middle, chain, now);
        }
        repository.prune(projectId, version, window.keepCount(), window.keepFor(), window.maxCount(), now);
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
