package com.writerstree.project.events;

import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.platform.messaging.PurgeReceipts;
import com.writerstree.project.domain.ProjectService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The end of an account: on {@code UserPurged} every project of the user is deleted and the purge receipt recorded,
 * in one transaction. No ProjectDeleted events are published: every service purges the user itself on the same
 * event. {@code UserDeletionRequested} changes nothing here (the 30-day grace period keeps everything, so a
 * cancellation restores it; identity-service refuses the account's logins meanwhile). A replay is skipped
 * (InboundEvents) and would delete nothing anyway.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private final InboundEvents inbound;
    private final ProjectService projects;
    private final PurgeReceipts receipts;

    public UserEventsConsumer(InboundEvents inbound, ProjectService projects, PurgeReceipts receipts) {
        this.inbound = inbound;
        this.projects = projects;
        this.receipts = receipts;
    }

    @Incoming("user-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(ContentEventsConsumer.CONSUMER, json, event -> {
            if (event instanceof UserPurged e) {
                projects.purge(e.userId());
                receipts.complete(e.eventId(), e.userId());
            }
        });
    }
}
