package com.writerstree.contracts.user.v1;

import com.writerstree.platform.event.EventContract;
import com.writerstree.platform.event.EventTypes;

/** Offers {@link UserEvents#TYPES} to the services that depend on this module (META-INF/services). */
public final class UserEventsContract implements EventContract {

    @Override
    public EventTypes types() {
        return UserEvents.TYPES;
    }
}
