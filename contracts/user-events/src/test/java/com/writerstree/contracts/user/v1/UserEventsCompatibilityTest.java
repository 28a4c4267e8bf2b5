package com.writerstree.contracts.user.v1;

import com.writerstree.platform.testing.RecordedEventsCompatibility;

/** user-events v1 against the events recorded from earlier releases (src/test/resources/recorded). */
class UserEventsCompatibilityTest extends RecordedEventsCompatibility {

    UserEventsCompatibilityTest() {
        super(UserEvents.TOPIC, UserEvents.TYPES, "userId");
    }
}
