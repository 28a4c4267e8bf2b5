package com.writerstree.contracts.content.v1;

import com.writerstree.platform.event.IntegrationEvent;
import java.util.UUID;

/** An event of {@code content-events}: published by content-service, keyed by project id (in order per project). */
public sealed interface ContentEvent extends IntegrationEvent
        permits ContentEvents.ContentSaved, ContentEvents.VersionRestored, ContentEvents.MilestoneReached {

    UUID projectId();

    @Override
    default String topic() {
        return ContentEvents.TOPIC;
    }

    @Override
    default String key() {
        return projectId().toString();
    }
}
