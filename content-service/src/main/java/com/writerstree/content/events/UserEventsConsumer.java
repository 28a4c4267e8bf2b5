package com.writerstree.content.events;

import com.writerstree.content.domain.UserContent;
import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.platform.messaging.PurgeReceipts;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The end of an account (topic {@code user-events}): on {@code UserPurged} every text, version, revision, milestone
 * and project replica of the user is deleted and the purge receipt recorded, in one transaction. Nothing happens on
 * {@code UserDeletionRequested}: during the 30-day grace period everything stays, so a cancellation restores it.
 * A replay is skipped (InboundEvents) and would find nothing left anyway.
 */
@ApplicationScoped
public class UserEventsConsumer {

    static final String CONSUMER = "content-service";

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final InboundEvents inbound;
    private final UserContent content;
    private final PurgeReceipts receipts;

    public UserEventsConsumer(InboundEvents inbound, UserContent content, PurgeReceipts receipts) {
        this.inbound = inbound;
        this.content = content;
        this.receipts = receipts;
    }

    @Incoming("user-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(CONSUMER, json, event -> {
            if (event instanceof UserPurged e) {
                int projects = content.purge(e.userId());
                receipts.complete(e.eventId(), e.userId());
                LOG.infof("Purge %s: deleted the content of %d projects", e.eventId(), projects);
            }
        });
    }
}
