package com.writerstree.contracts.project.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.RecordedEventsCompatibility;
import org.junit.jupiter.api.Test;

/** project-events v1 against the events recorded from earlier releases (src/test/resources/recorded). */
class ProjectEventsCompatibilityTest extends RecordedEventsCompatibility {

    ProjectEventsCompatibilityTest() {
        super(ProjectEvents.TOPIC, ProjectEvents.TYPES, "projectId");
    }

    /** {@code deadline} was added within v1: an event of a producer from before it still decodes, without one. */
    @Test
    void aProjectCreatedFromBeforeTheDeadlineFieldDecodesWithoutADeadline() {
        String older = """
                {"type":"ProjectCreated","eventId":"0b6f3c1e-5d2a-4f7b-9c8e-1a2b3c4d5e6f",\
                "occurredAt":"2026-01-25T14:30:00Z","userId":"7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",\
                "projectId":"3f2e1d0c-9b8a-4765-8432-10fedcba9876","title":"Novel","wordGoal":50000,"status":"active"}""";
        ProjectEvents.ProjectCreated created = (ProjectEvents.ProjectCreated)
                EventCodec.decode(older, ProjectEvents.TYPES).orElseThrow();
        assertEquals(50000, created.wordGoal());
        assertNull(created.deadline());
    }
}
