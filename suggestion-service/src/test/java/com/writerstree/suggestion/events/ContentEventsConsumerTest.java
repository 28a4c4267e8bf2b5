package com.writerstree.suggestion.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.contracts.content.v1.ContentEvents.VersionRestored;
import com.writerstree.platform.event.IntegrationEvent;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.suggestion.client.ContentServiceStub;
import com.writerstree.suggestion.events.AdaptationRequestBatch.Saved;
import com.writerstree.suggestion.persistence.ForgottenSubject;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The batched content-events consumer: one upsert of adaptation requests per batch that keeps each project's newest
 * version and the rules of a single save (forgotten project or writer, suggestions off, a model already as new), and
 * an out-of-order batch with a duplicate through Kafka that ends with the newest version learned, each event recorded
 * once.
 */
@QuarkusTest
@WithTestResource(ContentServiceStub.class)
class ContentEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AdaptationRequestBatch requests;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchRequestsEachProjectsNewestVersionUnderTheRulesOfOneSave() {
        UUID writer = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID learned = UUID.randomUUID();
        UUID learnedNewer = UUID.randomUUID();
        UUID forgotten = UUID.randomUUID();
        UUID silentWriter = UUID.randomUUID();
        UUID silentProject = UUID.randomUUID();
        update(
                "INSERT INTO writer_models (project_id, user_id, content_version, words, model, learned_at)"
                        + " VALUES (?, ?, 7, 1, '\\x00', now()), (?, ?, 9, 1, '\\x00', now())",
                learned,
                writer,
                learnedNewer,
                writer);
        update(
                "INSERT INTO forgotten_subjects (subject_id, kind, forgotten_at) VALUES (?, 'project', now())",
                ForgottenSubject.digest(forgotten));
        update(
                "INSERT INTO writer_preferences (user_id, word_suggestions, updated_at) VALUES (?, false, now())",
                silentWriter);

        Map<UUID, Integer> requested = QuarkusTransaction.requiringNew()
                .call(() -> requests.request(List.of(
                        new Saved(fresh, writer, 3),
                        new Saved(fresh, writer, 5),
                        new Saved(fresh, writer, 4),
                        new Saved(learned, writer, 8),
                        new Saved(learnedNewer, writer, 9),
                        new Saved(forgotten, writer, 2),
                        new Saved(silentProject, silentWriter, 1))));

        assertEquals(Map.of(fresh, 5, learned, 8), requested);
    }

    @Test
    void anOutOfOrderBatchWithADuplicateRequestsTheNewestVersionOnce() {
        UUID writer = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        // a model learned "later" than now: the request waits for it (min-interval after it), so the scheduler leaves
        // the request alone and the test can read it
        update(
                "INSERT INTO writer_models (project_id, user_id, content_version, words, model, learned_at)"
                        + " VALUES (?, ?, 0, 1, '\\x00', now() + interval '1 hour')",
                project,
                writer);
        ContentSaved v1 = ContentSaved.of(writer, project, 1, 7, 7, Instant.now(), null);
        ContentSaved v3 = ContentSaved.of(writer, project, 3, 7, 0, Instant.now(), null);
        VersionRestored v2 = VersionRestored.of(writer, project, 2, 1, 7, 0, Instant.now());

        LocalKafka.publishAll(List.of(v1, v3, v2, v3));

        for (IntegrationEvent e : List.of(v1, v2, v3)) {
            await().atMost(WAIT)
                    .until(() -> count("SELECT count(*) FROM processed_events WHERE event_id = ?", e.eventId()) == 1);
        }
        assertEquals(
                3L,
                count("SELECT max(content_version)::bigint FROM adaptation_requests WHERE project_id = ?", project));
    }

    private long count(String sql, Object... params) {
        return TestSql.single(dataSource, Long.class, sql, params);
    }

    private void update(String sql, Object... params) {
        TestSql.update(dataSource, sql, params);
    }
}
