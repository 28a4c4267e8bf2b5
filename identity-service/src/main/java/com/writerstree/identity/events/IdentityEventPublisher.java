package com.writerstree.identity.events;

import com.writerstree.contracts.user.v1.UserEvents;
import com.writerstree.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** The one publisher of identity-service: user-events through the transactional outbox. */
@ApplicationScoped
public class IdentityEventPublisher {

    private final Outbox outbox;

    public IdentityEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void userRegistered(UUID userId, String tier) {
        outbox.append(UserEvents.UserRegistered.of(userId, tier));
    }

    public void userEmailVerified(UUID userId) {
        outbox.append(UserEvents.UserEmailVerified.of(userId));
    }

    /** The user's time zone and the complete preferences (defaults included) after a change. */
    public void userPreferencesChanged(UUID userId, String timezone, Map<String, Object> preferences) {
        outbox.append(UserEvents.UserPreferencesChanged.of(userId, timezone, preferences));
    }

    /** The account was soft-deleted (DELETE /users/me): gateways close its sockets; everything else waits. */
    public void userDeletionRequested(UUID userId) {
        outbox.append(UserEvents.UserDeletionRequested.of(userId));
    }

    /** The grace period ended and identity deleted the account: every service deletes the user's data. */
    public UserEvents.UserPurged userPurged(UUID userId) {
        UserEvents.UserPurged event = UserEvents.UserPurged.of(userId);
        outbox.append(event);
        return event;
    }
}
