package com.writerstree.export.events;

import com.writerstree.export.domain.ExportRemoval;
import com.writerstree.platform.event.UserEvents.UserPurged;
import com.writerstree.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A purged account takes every export of that user with it (topic {@code user-events}). */
@ApplicationScoped
public class UserEventsConsumer {

    private final InboundEvents inbound;
    private final ExportRemoval removal;

    public UserEventsConsumer(InboundEvents inbound, ExportRemoval removal) {
        this.inbound = inbound;
        this.removal = removal;
    }

    @Incoming("user-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply("export-service", json, event -> {
            if (event instanceof UserPurged purged) {
                removal.userPurged(purged.userId());
            }
        });
    }
}
