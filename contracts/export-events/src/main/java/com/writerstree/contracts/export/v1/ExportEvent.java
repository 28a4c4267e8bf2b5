package com.writerstree.contracts.export.v1;

import com.writerstree.platform.event.IntegrationEvent;
import java.util.UUID;

/** An event of {@code export-events}: published by export-service, keyed by project id. */
public sealed interface ExportEvent extends IntegrationEvent
        permits ExportEvents.ContentExported, ExportEvents.TreeExported {

    UUID projectId();

    @Override
    default String topic() {
        return ExportEvents.TOPIC;
    }

    @Override
    default String key() {
        return projectId().toString();
    }
}
