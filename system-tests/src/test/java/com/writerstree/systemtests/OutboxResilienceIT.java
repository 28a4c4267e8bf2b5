package com.writerstree.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.systemtests.TestUsers.TestUser;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Kafka outage delays events, never loses them and never fails a save: saves made while the broker is down
 * wait in content-service's outbox and reach project-service, each exactly once, when it is back.
 *
 * <p>Stops the shared broker, so it is tagged {@code disruptive} and runs in its own failsafe execution after
 * all other ITs (see the pom); nothing else may run against the stack meanwhile.
 */
@Tag("disruptive")
class OutboxResilienceIT {

    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(180);

    @Test
    @DisplayName("saves during a Kafka outage succeed and are applied once, after Kafka is back")
    void savesSurviveKafkaOutage() {
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Through the Storm", 50000);
        Gateway.saveContent(user.token(), projectId, Texts.words(10), 0);
        await("first save reaches project-service")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Gateway.listedWordCount(user.token(), projectId) == 10);

        Throwable failure = null;
        try {
            Engines.run("stop", "kafka", ENGINE_TIMEOUT);
            assertFalse(
                    Engines.reachable(Stack.kafkaBootstrap()),
                    "Kafka still answers at " + Stack.kafkaBootstrap()
                            + " after `engines.sh stop kafka`: was the broker started by deploy/engines/engines.sh?");

            int[] counts = {20, 30, 40};
            for (int i = 0; i < counts.length; i++) {
                long started = System.nanoTime();
                Response r = Gateway.saveContent(user.token(), projectId, Texts.words(counts[i]), i + 1);
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertEquals(i + 2, r.jsonPath().getInt("data.version"));
                assertEquals(counts[i], r.jsonPath().getInt("data.wordCount"));
                assertTrue(millis < 5000, "a save must not wait for Kafka, took " + millis + " ms");
            }

            // the events wait in the outbox: project-service keeps the old count
            await("project list keeps the pre-outage count while Kafka is down")
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(4))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> Gateway.listedWordCount(user.token(), projectId) == 10);
            assertTrue(
                    Database.queryLong("select count(*) from content.outbox_events where published_at is null") > 0,
                    "content.outbox_events holds unpublished events");
            assertEquals(
                    3,
                    Database.queryLong(
                            "select count(*) from content.outbox_events "
                                    + "where event_key = ? and event_type = 'ContentSaved' and published_at is null",
                            projectId),
                    "the three saves made during the outage wait in the outbox");
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            // always bring the broker back, whatever happened above
            try {
                Engines.run("start", "kafka", ENGINE_TIMEOUT);
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }

        await("the outbox drains and project-service applies the final count")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.listedWordCount(user.token(), projectId) == 40);

        // none lost, none applied twice
        List<String> eventIds = Database.queryStrings(
                "select event_id::text from content.outbox_events "
                        + "where event_key = ? and event_type = 'ContentSaved' order by id",
                projectId);
        assertEquals(4, eventIds.size(), "one ContentSaved per save: " + eventIds);
        await("every ContentSaved of the project is recorded by project-service")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> eventIds.stream().allMatch(id -> processedCount(id) >= 1));
        for (String id : eventIds) {
            assertEquals(1, processedCount(id), "event " + id + " processed exactly once by project-service");
        }
        assertEquals(
                0,
                Database.queryLong(
                        "select count(*) from content.outbox_events " + "where event_key = ? and published_at is null",
                        projectId),
                "all of the project's events published");
        assertEquals(
                4,
                Database.queryLong("select content_version from project.projects where id = ?::uuid", projectId),
                "project-service applied every version once, ending at 4");
        assertEquals(new Gateway.StoredContent(Texts.words(40), 4, 40), Gateway.storedContent(user.token(), projectId));
    }

    private static long processedCount(String eventId) {
        return Database.queryLong("select count(*) from project.processed_events where event_id = ?::uuid", eventId);
    }
}
