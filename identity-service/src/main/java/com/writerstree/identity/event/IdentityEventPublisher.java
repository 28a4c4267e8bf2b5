package com.writerstree.identity.event;

import com.writerstree.platform.event.UserEvents;
import com.writerstree.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** The one publisher of identity-service: user-events through the transactional outbox. */
@ApplicationScoped
public class IdentityEventPublisher {

    @Inject
    Outbox outbox;

    public void userRegistered(UUID userId, String tier) {
        outbox.append(UserEvents.UserRegistered.of(userId, tier));
    }

    public void userEmailVerified(UUID userId) {
        outbox.append(UserEvents.UserEmailVerified.of(userId));
    }
}
