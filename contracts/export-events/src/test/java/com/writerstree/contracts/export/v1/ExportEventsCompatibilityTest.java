package com.writerstree.contracts.export.v1;

import com.writerstree.platform.testing.RecordedEventsCompatibility;

/** export-events v1 against the events recorded from earlier releases (src/test/resources/recorded). */
class ExportEventsCompatibilityTest extends RecordedEventsCompatibility {

    ExportEventsCompatibilityTest() {
        super(ExportEvents.TOPIC, ExportEvents.TYPES, "projectId");
    }
}
