package com.writerstree.gateway.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.contracts.content.v1.ContentEvents;
import com.writerstree.gateway.domain.sync.SyncMessages;
import com.writerstree.platform.testing.JsonSocket;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Saves pushed on a user's Redis channel (real Redis and Kafka; content-service's read played by
 * {@link FakeContentService}, which records every read): a replica is subscribed to a user's channel exactly while it
 * holds that user's sockets; a pushed text, and a pushed patch against the text it holds, reach the user's devices
 * without any read; the save's content event then costs no read; a patch whose base it does not hold is left to the
 * content event, whose read delivers it.
 */
@QuarkusTest
@WithTestResource(FakeContentService.class)
class UserChannelsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/ws/sync")
    URI uri;

    @Inject
    RedisDataSource redis;

    @Inject
    UserChannels channels;

    private String url() {
        return uri.toString().replaceFirst("^http", "ws");
    }

    private long subscribers(UUID user) {
        var reply = redis.execute("PUBSUB", "NUMSUB", UserChannels.PREFIX + user);
        return reply.get(1).toLong();
    }

    /** A device of {@code user} connected, authenticated, and this replica subscribed to the user's channel. */
    private JsonSocket subscribedDevice(UUID user) throws Exception {
        JsonSocket device = JsonSocket.connect(url(), TestTokens.forUser(user));
        assertNotNull(device.next("authenticated", WAIT));
        await().atMost(WAIT).until(() -> subscribers(user) == 1);
        return device;
    }

    private void push(UUID user, Map<String, Object> message) {
        redis.pubsub(String.class)
                .publish(
                        UserChannels.PREFIX + user,
                        "another-replica\n" + SyncMessages.mapper().valueToTree(message));
    }

    /** A pushed save of {@code project} by another device: {@code origin}, {@code projectId}, then {@code more}. */
    private static Map<String, Object> save(UUID project, Object... more) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("origin", "another-device");
        message.put("projectId", project.toString());
        for (int i = 0; i < more.length; i += 2) {
            message.put((String) more[i], more[i + 1]);
        }
        return message;
    }

    private static long readsOf(UUID project) {
        return FakeContentService.SEEN.stream()
                .filter(seen -> seen.path().contains(project.toString()))
                .count();
    }

    @Test
    void pushedTextsAndPatchesReachTheDevicesWithoutAReadAndTheirEventsThenCostNone() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        assertEquals(0, subscribers(user));
        try (JsonSocket device = JsonSocket.connect(url(), TestTokens.forUser(user))) {
            assertNotNull(device.next("authenticated", WAIT));
            await().atMost(WAIT).until(() -> channels.subscribedTo(user.toString()) && subscribers(user) == 1);
            // a save that was not pushed (a REST save: no origin) is read: version 1, once the consumer is assigned
            FakeContentService.PROJECTS.put(project, new FakeContentService.Project(user, "Call me.", 1, 0));
            JsonNode read = null;
            for (int i = 0; i < 20 && read == null; i++) { // the consumer joins at the newest offset
                LocalKafka.publishAsRelay(ContentEvents.ContentSaved.of(user, project, 1, 2, 0, Instant.now(), null));
                read = device.next("sync:update", Duration.ofSeconds(1));
            }
            assertNotNull(read, "a save that was not pushed is read and delivered");
            assertEquals("Call me.", read.path("data").path("content").asText());
            long readsBefore = readsOf(project);

            push(
                    user,
                    save(
                            project,
                            "version",
                            5,
                            "wordCount",
                            3,
                            "updatedAt",
                            "2026-12-01T10:00:00Z",
                            "content",
                            "Call me Ishmael."));
            JsonNode first = device.next("sync:update", WAIT);
            assertNotNull(first, "the pushed text is delivered");
            assertEquals("Call me Ishmael.", first.path("data").path("content").asText());
            assertEquals(5, first.path("data").path("version").asInt());
            assertEquals(3, first.path("data").path("wordCount").asInt());
            assertEquals(
                    "2026-12-01T10:00:00Z", first.path("data").path("updatedAt").asText());

            // the device's patch against version 5, applied here to the text of version 5
            push(
                    user,
                    save(
                            project,
                            "version",
                            6,
                            "wordCount",
                            4,
                            "baseVersion",
                            5,
                            "patch",
                            List.of(
                                    Map.of("op", "retain", "n", 8),
                                    Map.of("op", "delete", "n", 7),
                                    Map.of("op", "insert", "text", "Queequeg, friend"))));
            JsonNode second = device.next("sync:update", WAIT);
            assertNotNull(second, "the pushed patch is delivered");
            assertEquals(
                    "Call me Queequeg, friend.",
                    second.path("data").path("content").asText());
            assertEquals(6, second.path("data").path("version").asInt());

            // the content events of the pushed saves (made on another socket: origin set) cost no read
            LocalKafka.publishAsRelay(
                    ContentEvents.ContentSaved.of(user, project, 5, 3, 1, Instant.now(), "another-device"));
            LocalKafka.publishAsRelay(
                    ContentEvents.ContentSaved.of(user, project, 6, 4, 1, Instant.now(), "another-device"));
            await().during(Duration.ofMillis(1500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> readsOf(project) == readsBefore);
            assertNull(device.next("sync:update", Duration.ofMillis(200)), "nothing is sent twice");
        }
        await().atMost(WAIT).until(() -> subscribers(user) == 0 && !channels.subscribedTo(user.toString()));
    }

    @Test
    void aPatchWhoseBaseThisReplicaDoesNotHoldIsDeliveredByTheContentEvent() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        try (JsonSocket device = subscribedDevice(user)) {
            push(
                    user,
                    save(
                            project,
                            "version",
                            10,
                            "wordCount",
                            3,
                            "baseVersion",
                            9,
                            "patch",
                            List.of(Map.of("op", "insert", "text", "x"))));
            FakeContentService.PROJECTS.put(project, new FakeContentService.Project(user, "whole text ten", 10, 0));
            JsonNode update = null;
            for (int i = 0; i < 20 && update == null; i++) {
                LocalKafka.publishAsRelay(
                        ContentEvents.ContentSaved.of(user, project, 10, 3, 1, Instant.now(), "another-device"));
                update = device.next("sync:update", Duration.ofSeconds(1));
            }
            assertNotNull(update, "the content event's read delivers what the push could not");
            assertEquals("whole text ten", update.path("data").path("content").asText());
            assertTrue(readsOf(project) >= 1);
        }
    }

    @Test
    void aReplicaIsSubscribedOnlyWhileItHoldsTheUsersSockets() throws Exception {
        UUID user = UUID.randomUUID();
        JsonSocket first = JsonSocket.connect(url(), TestTokens.forUser(user));
        JsonSocket second = JsonSocket.connect(url(), TestTokens.forUser(user));
        assertNotNull(first.next("authenticated", WAIT));
        assertNotNull(second.next("authenticated", WAIT));
        await().atMost(WAIT).until(() -> subscribers(user) == 1); // one subscription for both sockets
        first.close();
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> subscribers(user) == 1);
        second.close();
        await().atMost(WAIT).until(() -> subscribers(user) == 0);
        assertEquals(0, subscribers(UUID.randomUUID()), "nobody listens for a user without sockets");
    }

    @Test
    void afterTheSubscriberConnectionIsLostEveryUserHereIsSubscribedAgain() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        try (JsonSocket device = subscribedDevice(user)) {
            redis.execute("CLIENT", "KILL", "TYPE", "pubsub"); // what a Redis restart does to subscribers
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> subscribers(user) == 1 && channels.subscribedTo(user.toString()));
            push(user, save(project, "version", 1, "wordCount", 2, "content", "Still here."));
            JsonNode update = device.next("sync:update", WAIT);
            assertNotNull(update, "pushes reach the device again");
            assertEquals("Still here.", update.path("data").path("content").asText());
        }
    }

    @Test
    void theSavingReplicaDeliversToItsOwnSocketsOnceAndSkipsItsOwnMessage() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        try (JsonSocket device = subscribedDevice(user)) {
            channels.publish(
                    user.toString(),
                    SyncMessages.mapper().valueToTree(save(project, "version", 1, "wordCount", 1, "content", "Mine.")));
            JsonNode local = device.next("sync:update", WAIT);
            assertNotNull(local, "delivered here without the round trip");
            assertEquals("Mine.", local.path("data").path("content").asText());
            // its own message comes back on the channel (skipped by its prefix); another replica's save is the next
            // update
            push(user, save(project, "version", 2, "wordCount", 2, "content", "Theirs."));
            JsonNode next = device.next("sync:update", WAIT);
            assertNotNull(next);
            assertEquals("Theirs.", next.path("data").path("content").asText());
            assertNull(device.next("sync:update", Duration.ofMillis(300)), "nothing delivered twice");
        }
    }
}
