package com.writerstree.contracts.export.v1;

import com.writerstree.platform.event.EventContract;
import com.writerstree.platform.event.EventTypes;

/** Offers {@link ExportEvents#TYPES} to the services that depend on this module (META-INF/services). */
public final class ExportEventsContract implements EventContract {

    @Override
    public EventTypes types() {
        return ExportEvents.TYPES;
    }
}
