package com.writerstree.project.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The word-count projection from batches of content events (real Kafka and PostgreSQL): a batch out of order, with a
 * duplicate, a restore and an unknown project moves each project to its newest version only; a later batch with an
 * older version changes nothing (the high-water mark holds across batches) and each event is recorded once.
 */
@QuarkusTest
class ContentEventsConsumerTest {

    private static final Duration KAFKA = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchOutOfOrderAndWithDuplicatesMovesEachProjectToItsNewestVersionOnly() {
        UUID user = UUID.randomUUID();
        UUID first = project(user);
        UUID second = project(user);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ContentSaved first5 = ContentSaved.of(user, first, 5, 500, 100, t.plusSeconds(5), null);
        ContentSaved first3 = ContentSaved.of(user, first, 3, 300, 100, t.plusSeconds(3), null);
        VersionRestored first4 = VersionRestored.of(user, first, 4, 2, 400, 100, t.plusSeconds(4));
        ContentSaved second2 = ContentSaved.of(user, second, 2, 200, 100, t.plusSeconds(2), null);
        ContentSaved second1 = ContentSaved.of(user, second, 1, 100, 100, t.plusSeconds(1), null);
        ContentSaved unknown = ContentSaved.of(user, UUID.randomUUID(), 9, 900, 900, t, null);

        LocalKafka.publishAll(List.of(first5, first3, second2, first5, unknown, first4, second1));
        awaitProcessed(first4, second1, unknown);

        assertProjection(first, 5, 500, t.plusSeconds(5));
        assertProjection(second, 2, 200, t.plusSeconds(2));

        // a later batch: an older version of the first project (a late event), a newer one of the second
        ContentSaved first4Late = ContentSaved.of(user, first, 4, 444, -56, t.plusSeconds(6), null);
        ContentSaved second3 = ContentSaved.of(user, second, 3, 333, 133, t.plusSeconds(7), null);
        LocalKafka.publishAll(List.of(first4Late, second3, first5));
        awaitProcessed(first4Late, second3);

        assertProjection(first, 5, 500, t.plusSeconds(5));
        assertProjection(second, 3, 333, t.plusSeconds(7));
        for (IntegrationEvent e : List.of(first5, first3, first4, second2, second1, first4Late, second3)) {
            assertEquals(1L, processedCount(e), "recorded once: " + e.eventId());
        }
    }

    private UUID project(UUID user) {
        UUID id = UUID.randomUUID();
        TestSql.update(dataSource, "INSERT INTO projects (id, user_id, tree_seed) VALUES (?, ?, 'test')", id, user);
        return id;
    }

    private void awaitProcessed(IntegrationEvent... events) {
        for (IntegrationEvent e : events) {
            await().atMost(KAFKA).until(() -> processedCount(e) == 1);
        }
    }

    private long processedCount(IntegrationEvent event) {
        return TestSql.single(
                dataSource,
                Long.class,
                "SELECT count(*) FROM processed_events WHERE event_id = ? AND consumer = ?",
                event.eventId(),
                ContentEventsConsumer.CONSUMER);
    }

    private void assertProjection(UUID project, int version, int wordCount, Instant lastEdited) {
        assertEquals(version, column(project, "content_version", Integer.class));
        assertEquals(wordCount, column(project, "current_word_count", Integer.class));
        assertEquals(
                lastEdited,
                column(project, "last_edited_at", OffsetDateTime.class).toInstant());
    }

    private <T> T column(UUID project, String column, Class<T> type) {
        return TestSql.single(dataSource, type, "SELECT " + column + " FROM projects WHERE id = ?", project);
    }
}
