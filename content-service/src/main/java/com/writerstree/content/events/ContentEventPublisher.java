package com.writerstree.content.events;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.MilestoneReached;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * The one publisher of content-service: events go to the outbox in the caller's transaction, so they exist
 * exactly when the change they describe was committed. They carry counts and versions, never the text.
 */
@ApplicationScoped
public class ContentEventPublisher {

    private final Outbox outbox;

    public ContentEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void contentSaved(
            UUID userId, UUID projectId, int version, int wordCount, int wordDelta, Instant savedAt, String origin) {
        outbox.append(ContentSaved.of(userId, projectId, version, wordCount, wordDelta, savedAt, origin));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void versionRestored(
            UUID userId,
            UUID projectId,
            int version,
            int restoredFromVersion,
            int wordCount,
            int wordDelta,
            Instant savedAt) {
        outbox.append(
                VersionRestored.of(userId, projectId, version, restoredFromVersion, wordCount, wordDelta, savedAt));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void milestoneReached(
            UUID userId, UUID projectId, String milestone, int wordCount, int wordGoal, Instant achievedAt) {
        outbox.append(MilestoneReached.of(userId, projectId, milestone, wordCount, wordGoal, achievedAt));
    }
}
