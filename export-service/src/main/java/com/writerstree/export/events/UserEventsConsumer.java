package com.writerstree.export.events;

import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.export.domain.ExportRemoval;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.platform.messaging.PurgeReceipts;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A purged account takes every export and data export of that user with it (topic {@code user-events}); the purge
 * receipt (event id only) is written in the same transaction. UserDeletionRequested changes nothing here: the data
 * stays until the purge, so that a cancellation restores everything.
 */
@ApplicationScoped
public class UserEventsConsumer {

    private final InboundEvents inbound;
    private final ExportRemoval removal;
    private final PurgeReceipts receipts;

    public UserEventsConsumer(InboundEvents inbound, ExportRemoval removal, PurgeReceipts receipts) {
        this.inbound = inbound;
        this.removal = removal;
        this.receipts = receipts;
    }

    @Incoming("user-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply("export-service", json, event -> {
            if (event instanceof UserPurged purged) {
                removal.userPurged(purged.userId());
                receipts.complete(purged.eventId(), purged.userId());
            }
        });
    }
}
