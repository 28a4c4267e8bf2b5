package com.writerstree.contracts.content.v1;

import com.writerstree.platform.event.EventContract;
import com.writerstree.platform.event.EventTypes;

/** Offers {@link ContentEvents#TYPES} to the services that depend on this module (META-INF/services). */
public final class ContentEventsContract implements EventContract {

    @Override
    public EventTypes types() {
        return ContentEvents.TYPES;
    }
}
