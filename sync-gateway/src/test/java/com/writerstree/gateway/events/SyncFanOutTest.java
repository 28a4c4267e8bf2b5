package com.writerstree.gateway.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.contracts.content.v1.ContentEvents;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.JsonSocket;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The fan-out of content events to sockets (real Kafka and Redis; content-service's internal read played by
 * {@link FakeContentService}, which can be made slow): a record of a user without a socket here is skipped by its
 * header without being decoded; the text is read with the service credential, not a user's token; a slow read
 * for one user does not hold back another user's update.
 */
@QuarkusTest
@WithTestResource(FakeContentService.class)
class SyncFanOutTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String TOPIC = LocalKafka.TEST_PREFIX + "content-events";

    @TestHTTPResource("/ws/sync")
    URI uri;

    @Inject
    MeterRegistry registry;

    private String url() {
        return uri.toString().replaceFirst("^http", "ws");
    }

    /** Publishes a save of version {@code version} until {@code device} receives its sync:update (the consumer of a
     * fresh group joins at the newest offset: the first records may come before it is assigned). */
    private static JsonNode saveUntilReceived(UUID user, UUID project, int version, JsonSocket device)
            throws InterruptedException {
        JsonNode got = null;
        for (int i = 0; i < 20 && got == null; i++) {
            LocalKafka.publishAsRelay(
                    ContentEvents.ContentSaved.of(user, project, version, 3, 1, Instant.now(), "elsewhere"));
            got = device.next("sync:update", Duration.ofSeconds(1));
        }
        return got;
    }

    @Test
    void theTextIsReadWithTheServiceCredentialAndASlowReadDelaysOnlyItsUser() throws Exception {
        UUID slowUser = UUID.randomUUID();
        UUID fastUser = UUID.randomUUID();
        UUID slowProject = UUID.randomUUID();
        UUID fastProject = UUID.randomUUID();
        FakeContentService.PROJECTS.put(fastProject, new FakeContentService.Project(fastUser, "fast words one", 1, 0));
        try (JsonSocket slow = JsonSocket.connect(url(), TestTokens.forUser(slowUser));
                JsonSocket fast = JsonSocket.connect(url(), TestTokens.forUser(fastUser))) {
            assertNotNull(slow.next("authenticated", WAIT));
            assertNotNull(fast.next("authenticated", WAIT));
            JsonNode first = saveUntilReceived(fastUser, fastProject, 1, fast);
            assertNotNull(first, "sync:update never arrived");
            assertEquals("fast words one", first.path("data").path("content").asText());

            // the slow user's read takes 4 s; the fast user's next save goes out meanwhile
            FakeContentService.PROJECTS.put(
                    slowProject, new FakeContentService.Project(slowUser, "slow words", 7, 4000));
            FakeContentService.PROJECTS.put(
                    fastProject, new FakeContentService.Project(fastUser, "fast words two", 2, 0));
            LocalKafka.publishAsRelay(
                    ContentEvents.ContentSaved.of(slowUser, slowProject, 7, 2, 2, Instant.now(), "elsewhere"));
            long published = System.nanoTime();
            LocalKafka.publishAsRelay(
                    ContentEvents.ContentSaved.of(fastUser, fastProject, 2, 3, 0, Instant.now(), "elsewhere"));
            JsonNode second = fast.next("sync:update", WAIT);
            assertNotNull(second);
            assertEquals("fast words two", second.path("data").path("content").asText());
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - published).compareTo(Duration.ofSeconds(3)) < 0,
                    "the fast user's update waited for the slow user's read");
            JsonNode slowUpdate = slow.next("sync:update", Duration.ofSeconds(10));
            assertNotNull(slowUpdate, "the slow read still delivers");
            assertEquals("slow words", slowUpdate.path("data").path("content").asText());
            assertEquals(7, slowUpdate.path("data").path("version").asInt());
        }
        String expected = ConfigProvider.getConfig().getValue("writerstree.internal.service-token", String.class);
        assertFalse(FakeContentService.SEEN.isEmpty());
        for (FakeContentService.Seen seen : FakeContentService.SEEN) {
            assertEquals(expected, seen.serviceToken(), seen.path());
            assertNull(seen.authorization(), "no user token travels with the fan-out's read");
        }
        assertTrue(registry.get("sync_fanout_seconds").timer().count() >= 3, "the fan-out is timed");
    }

    @Test
    void anUpdateOfAProjectOfAnotherOwnerIsNotSent() throws Exception {
        UUID user = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        FakeContentService.PROJECTS.put(own, new FakeContentService.Project(user, "mine", 1, 0));
        FakeContentService.PROJECTS.put(foreign, new FakeContentService.Project(UUID.randomUUID(), "not yours", 3, 0));
        try (JsonSocket device = JsonSocket.connect(url(), TestTokens.forUser(user))) {
            assertNotNull(device.next("authenticated", WAIT));
            assertNotNull(saveUntilReceived(user, own, 1, device), "the consumer is assigned");
            // an event naming this user but a project content-service says is someone else's, then an own save:
            // the user's lane is serial, so the next update the device sees is the own one
            LocalKafka.publishAsRelay(ContentEvents.ContentSaved.of(user, foreign, 3, 2, 2, Instant.now(), "x"));
            FakeContentService.PROJECTS.put(own, new FakeContentService.Project(user, "mine again", 2, 0));
            LocalKafka.publishAsRelay(ContentEvents.ContentSaved.of(user, own, 2, 2, 1, Instant.now(), "x"));
            JsonNode next = device.next("sync:update", WAIT);
            assertNotNull(next);
            assertEquals(own.toString(), next.path("data").path("projectId").asText());
            assertEquals("mine again", next.path("data").path("content").asText());
        }
    }

    @Test
    void recordsOfUsersWithoutASocketHereAreSkippedUndecoded() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        FakeContentService.PROJECTS.put(project, new FakeContentService.Project(user, "mine", 1, 0));
        try (JsonSocket device = JsonSocket.connect(url(), TestTokens.forUser(user))) {
            assertNotNull(device.next("authenticated", WAIT));
            assertNotNull(saveUntilReceived(user, project, 1, device), "the consumer is assigned");
            double before = registry.get("sync_events_skipped_total").counter().count();
            // not even JSON: it would be logged as malformed if it were decoded
            for (int i = 0; i < 5; i++) {
                LocalKafka.publish(
                        TOPIC,
                        UUID.randomUUID().toString(),
                        "not an event " + i,
                        Map.of(EventCodec.USER_ID_HEADER, UUID.randomUUID().toString()));
            }
            await().atMost(WAIT)
                    .until(() ->
                            registry.get("sync_events_skipped_total").counter().count() >= before + 5);
        }
    }
}
