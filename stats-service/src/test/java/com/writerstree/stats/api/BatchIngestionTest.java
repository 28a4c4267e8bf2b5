package com.writerstree.stats.api;

import static com.writerstree.stats.api.StatsTestSupport.userStats;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Content events are consumed in batches, one transaction per batch: a duplicate in the batch counts once, a poison
 * event goes to the dead-letter topic alone and the rest of its batch is applied; and the read cache follows every
 * change (conditional requests answer 304 only while nothing changed).
 */
@QuarkusTest
class BatchIngestionTest {

    private static final Duration APPLIED = Duration.ofSeconds(60);

    @Test
    void aBatchWithADuplicateAndAPoisonEventCountsEachGoodSaveOnceAndDeadLettersThePoison() throws Exception {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        ContentSaved first = UserStatsFlowTest.saved(user, project, 1, 100, at);
        ContentSaved second = UserStatsFlowTest.saved(user, project, 2, 20, at.plusSeconds(5));
        // no savedAt: fails in the ledger (the whole batch rolls back, then this one fails alone)
        ContentSaved poison = new ContentSaved(UUID.randomUUID(), at, user, project, 3, 999, 999, null, null);
        ContentSaved third = UserStatsFlowTest.saved(user, project, 4, 3, at.plusSeconds(10));
        try (LocalKafka.Watcher dlq = LocalKafka.watch(LocalKafka.TEST_PREFIX + "stats-service.dlq")) {
            // one producer, no wait between sends: the records reach one partition together (one poll, one batch)
            sendTogether(
                    List.of(
                            EventCodec.encode(first),
                            EventCodec.encode(second),
                            EventCodec.encode(first),
                            EventCodec.encode(poison),
                            EventCodec.encode(third),
                            EventCodec.encode(second)),
                    project.toString());
            dlq.awaitRecord(payload -> payload.contains(poison.eventId().toString()), APPLIED);
        }
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(123, userStats(user, "all").getInt("data.totalWordsWritten")));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(123, userStats(user, "all").getInt("data.totalWordsWritten")));
    }

    @Test
    void theCachedResponseAnswersConditionalRequestsUntilAnythingChanges() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        LocalKafka.publish(UserStatsFlowTest.saved(user, project, 1, 10, at));
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(10, userStats(user, "all").getInt("data.totalWordsWritten")));
        String etag = given().auth()
                .oauth2(TestTokens.forUser(user))
                .queryParam("period", "all")
                .get("/users/me/stats")
                .then()
                .statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-cache"))
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(TestTokens.forUser(user))
                .header("If-None-Match", etag)
                .queryParam("period", "all")
                .get("/users/me/stats")
                .then()
                .statusCode(304);
        // another period is another response
        given().auth()
                .oauth2(TestTokens.forUser(user))
                .header("If-None-Match", etag)
                .queryParam("period", "week")
                .get("/users/me/stats")
                .then()
                .statusCode(200);

        LocalKafka.publish(UserStatsFlowTest.saved(user, project, 2, 5, at.plusSeconds(60)));
        await().atMost(APPLIED)
                .untilAsserted(() -> assertEquals(15, userStats(user, "all").getInt("data.totalWordsWritten")));
        String changed = given().auth()
                .oauth2(TestTokens.forUser(user))
                .header("If-None-Match", etag)
                .queryParam("period", "all")
                .get("/users/me/stats")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertNotEquals(etag, changed);
    }

    private static void sendTogether(List<String> payloads, String key) throws Exception {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalKafka.BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                "50"));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = payloads.stream()
                    .map(p -> producer.send(new ProducerRecord<>(LocalKafka.TEST_PREFIX + "content-events", key, p)))
                    .toList();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
    }
}
