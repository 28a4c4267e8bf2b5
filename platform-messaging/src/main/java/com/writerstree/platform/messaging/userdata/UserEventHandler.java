package com.writerstree.platform.messaging.userdata;

import com.writerstree.platform.event.IntegrationEvent;

/**
 * What a service does with the other events of {@code user-events} (preferences, deletion requests) when the shared
 * {@link UserEventsConsumer} owns the channel: called for every event once (idempotent consumption), inside the
 * consumer's transaction, before a {@code UserPurged} reaches the {@link UserDataOwner}s.
 */
public interface UserEventHandler {

    void handle(IntegrationEvent event);
}
