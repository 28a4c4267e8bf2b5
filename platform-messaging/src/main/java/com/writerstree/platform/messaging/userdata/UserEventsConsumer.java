package com.writerstree.platform.messaging.userdata;

import com.writerstree.contracts.user.v1.UserEvents.UserPurged;
import com.writerstree.platform.messaging.InboundEvents;
import com.writerstree.platform.messaging.PurgeReceipts;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The consumer of {@code user-events} (channel {@code user-events-in}) of a service that sets the build property
 * {@code writerstree.user-data.shared=true}: every event once (idempotent consumption, consumer name = the
 * application name), handed to the service's {@link UserEventHandler}s; on {@code UserPurged} every
 * {@link UserDataOwner} deletes the user's data and the purge receipt is recorded, all in one transaction.
 * {@code UserDeletionRequested} needs nothing here: the data stays until the purge (the 30-day grace period).
 */
@ApplicationScoped
@IfBuildProperty(name = UserEventsConsumer.ENABLED, stringValue = "true")
@IfBuildProperty(name = UserEventsConsumer.CONSUMES, stringValue = "true", enableIfMissing = true)
public class UserEventsConsumer {

    /** The build property that switches the shared user-data plumbing on in a service. */
    public static final String ENABLED = "writerstree.user-data.shared";

    /**
     * Set to {@code false} by a service with user data that does not consume {@code user-events} (identity-service,
     * which publishes them and deletes its own rows itself): it gets the shared export route only.
     */
    public static final String CONSUMES = "writerstree.user-data.consume-user-events";

    private final InboundEvents inbound;
    private final Instance<UserEventHandler> handlers;
    private final Instance<UserDataOwner> owners;
    private final PurgeReceipts receipts;
    private final String consumer;

    public UserEventsConsumer(
            InboundEvents inbound,
            Instance<UserEventHandler> handlers,
            Instance<UserDataOwner> owners,
            PurgeReceipts receipts,
            @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.inbound = inbound;
        this.handlers = handlers;
        this.owners = owners;
        this.receipts = receipts;
        this.consumer = consumer;
    }

    @Incoming("user-events-in")
    @Blocking
    public void consume(String json) {
        inbound.apply(consumer, json, event -> {
            for (UserEventHandler handler : handlers) {
                handler.handle(event);
            }
            if (event instanceof UserPurged purged) {
                for (UserDataOwner owner : owners) {
                    owner.purge(purged.userId());
                }
                receipts.complete(purged.eventId(), purged.userId());
            }
        });
    }
}
