package com.writerstree.contracts.project.v1;

import com.writerstree.platform.event.EventContract;
import com.writerstree.platform.event.EventTypes;

/** Offers {@link ProjectEvents#TYPES} to the services that depend on this module (META-INF/services). */
public final class ProjectEventsContract implements EventContract {

    @Override
    public EventTypes types() {
        return ProjectEvents.TYPES;
    }
}
