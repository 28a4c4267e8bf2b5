package com.writerstree.contracts.user.v1;

import com.writerstree.platform.event.IntegrationEvent;

/** An event of {@code user-events}: published by identity-service, keyed by user id (in order per user). */
public sealed interface UserEvent extends IntegrationEvent
        permits UserEvents.UserRegistered,
                UserEvents.UserEmailVerified,
                UserEvents.UserPreferencesChanged,
                UserEvents.UserDeletionRequested,
                UserEvents.UserPurged {

    @Override
    default String topic() {
        return UserEvents.TOPIC;
    }

    @Override
    default String key() {
        return userId().toString();
    }
}
