package com.writerstree.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();

    @Test
    void everyEventTypeSurvivesTheWire() {
        List<DomainEvent> events = List.of(
                UserEvents.UserRegistered.of(USER, "free"),
                UserEvents.UserEmailVerified.of(USER),
                UserEvents.UserPreferencesChanged.of(USER, "Europe/Paris", Map.of("darkMode", true)),
                UserEvents.UserDeletionRequested.of(USER),
                UserEvents.UserPurged.of(USER),
                ProjectEvents.ProjectCreated.of(USER, PROJECT, "Novel", 50000, "active"),
                ProjectEvents.ProjectUpdated.of(
                        USER, PROJECT, "Novel 2", 60000, "active", java.time.LocalDate.parse("2026-11-30")),
                ProjectEvents.ProjectArchived.of(USER, PROJECT),
                ProjectEvents.ProjectRestored.of(USER, PROJECT, "active"),
                ProjectEvents.ProjectCompleted.of(USER, PROJECT, Instant.parse("2026-01-25T14:30:00Z")),
                ProjectEvents.ProjectDeleted.of(USER, PROJECT),
                ContentEvents.ContentSaved.of(
                        USER, PROJECT, 43, 12847, 12, Instant.parse("2026-01-25T14:35:00Z"), null),
                ContentEvents.VersionRestored.of(USER, PROJECT, 44, 40, 12500, -347, Instant.now()),
                ContentEvents.MilestoneReached.of(USER, PROJECT, "25_percent", 12500, 50000, Instant.now()),
                ExportEvents.ContentExported.of(USER, PROJECT, UUID.randomUUID(), "docx", "manuscript", 12_345, 50_000),
                ExportEvents.TreeExported.of(USER, PROJECT, UUID.randomUUID(), "png", 1200, 1600, 54_321));
        assertEquals(DomainEvent.class.getPermittedSubclasses().length, events.size(), "a test case per event type");
        for (DomainEvent event : events) {
            String json = EventCodec.encode(event);
            assertTrue(json.contains("\"type\":\"" + event.type() + "\""), json);
            assertEquals(event, EventCodec.decode(json).orElseThrow());
        }
    }

    @Test
    void aProjectEventWithoutDeadlineFromAnOlderProducerStillDecodes() {
        String older = "{\"type\":\"ProjectCreated\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"occurredAt\":\"2026-01-25T14:30:00Z\",\"userId\":\"" + USER + "\",\"projectId\":\""
                + PROJECT + "\",\"title\":\"Novel\",\"wordGoal\":50000,\"status\":\"active\"}";
        ProjectEvents.ProjectCreated decoded =
                (ProjectEvents.ProjectCreated) EventCodec.decode(older).orElseThrow();
        assertEquals(50000, decoded.wordGoal());
        assertEquals(null, decoded.deadline());
    }

    @Test
    void unknownTypesAreSkippedNotFatal() {
        assertFalse(EventCodec.decode("{\"type\":\"SomethingNew\",\"eventId\":\"" + UUID.randomUUID() + "\"}")
                .isPresent());
    }

    @Test
    void eventsAreKeyedByTheirAggregate() {
        assertEquals(USER.toString(), UserEvents.UserRegistered.of(USER, "free").key());
        assertEquals(
                PROJECT.toString(),
                ContentEvents.ContentSaved.of(USER, PROJECT, 1, 1, 1, Instant.now(), null)
                        .key());
        assertEquals(
                Topic.CONTENT_EVENTS,
                ContentEvents.MilestoneReached.of(USER, PROJECT, "50_percent", 1, 2, Instant.now())
                        .topic());
    }
}
