package com.writerstree.content.domain.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.content.config.ContentConfig;
import com.writerstree.content.persistence.RevisionRepository;
import com.writerstree.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The revision window's SQL path on the real PostgreSQL: seeded random edit sequences (surrogate pairs, inserts at
 * both ends, deletions, whole-text replacements, empty text) recorded through {@link Revisions} with small keyframe
 * and window bounds and a clock that jumps, so keyframes of both kinds and pruning by count and by age happen all
 * along; every kept version reads back exactly the text saved as it, and the window keeps what it promises.
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
class RevisionsTest {

    private static final int KEEP_COUNT = 5;
    private static final Duration KEEP_FOR = Duration.ofHours(1);
    private static final int MAX_COUNT = 15;
    private static final int MAX_DELTAS = 6;

    @Inject
    RevisionRepository repository;

    @Inject
    Revisions revisions;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyKeptVersionReadsBackExactlyThroughPostgres() {
        Revisions small = new Revisions(repository, config(MAX_DELTAS, 0.5));
        for (int seed = 1; seed <= 2; seed++) {
            Random random = new Random(12_000 + seed);
            UUID project = UUID.randomUUID();
            List<String> saved = new ArrayList<>(List.of(""));
            List<Instant> savedAt = new ArrayList<>(List.of(Instant.EPOCH));
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            int versions = 150;
            for (int version = 1; version <= versions; version++) {
                String previous = saved.get(version - 1);
                String text = RandomEdits.edit(random, previous);
                // bursts of saves seconds apart, then pauses: the window is cut by count, then by age
                now = now.plus(random.nextInt(4) == 0 ? Duration.ofMinutes(random.nextInt(40)) : Duration.ofSeconds(5));
                saved.add(text);
                savedAt.add(now);
                int v = version;
                Instant at = now;
                QuarkusTransaction.requiringNew().run(() -> small.record(project, v, previous, text, at));
                if (version % 10 == 0 || version == versions) {
                    assertWindow(small, project, version, saved, savedAt);
                }
            }
            long keyframes = TestSql.single(
                    dataSource,
                    Long.class,
                    "SELECT count(*) FROM content.content_revisions WHERE project_id = ? AND content IS NOT NULL",
                    project);
            assertTrue(keyframes >= 1);
        }
    }

    private void assertWindow(Revisions small, UUID project, int newest, List<String> saved, List<Instant> savedAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Integer> kept = small.versions(project);
            // newest first, no gap, up to the newest version
            assertEquals(
                    IntStream.iterate(newest, v -> v - 1)
                            .limit(kept.size())
                            .boxed()
                            .toList(),
                    kept);
            int oldest = kept.get(kept.size() - 1);
            // what the window promises is kept: the newest KEEP_COUNT, and those younger than KEEP_FOR up to MAX_COUNT
            for (int v = 1; v <= newest; v++) {
                boolean promised = v > newest - KEEP_COUNT
                        || (v > newest - MAX_COUNT
                                && !savedAt.get(v).isBefore(savedAt.get(newest).minus(KEEP_FOR)));
                assertTrue(!promised || v >= oldest, "version " + v + " pruned but promised");
            }
            // ... and not much more: back to the keyframe the oldest promised version needs
            assertTrue(kept.size() <= MAX_COUNT + MAX_DELTAS, "kept " + kept.size());
            for (int v : kept) {
                assertEquals(Optional.of(saved.get(v)), small.text(project, v), "version " + v);
            }
            assertEquals(Optional.empty(), small.text(project, newest + 1));
            if (oldest > 1) {
                assertEquals(Optional.empty(), small.text(project, oldest - 1));
            }
        });
    }

    /**
     * Issue 12: a save that knows its window (the {@link Revisions.Window} the previous save returned) runs the
     * pruning {@code DELETE} only when it may delete something. Three seeded sequences of 200 random edits (keyframes
     * of both kinds), recorded twice with the same clock: once carrying the window from save to save, once knowing
     * nothing (pruning after every save, as before). After every save both keep exactly the same versions; the
     * carrying one pruned on fewer saves; every kept version reads back exactly. The third clock also steps back now
     * and then (a replica whose clock lags), where only the conservative bound keeps both the same.
     */
    @Test
    void pruningOnlyWhenItMayDeleteKeepsWhatPruningEverySaveKeeps() {
        int[] prunes = new int[1];
        RevisionRepository counting = new RevisionRepository() {
            @Override
            public int prune(
                    UUID projectId, int newestVersion, int keepCount, Duration keepFor, int maxCount, Instant now) {
                prunes[0]++;
                return super.prune(projectId, newestVersion, keepCount, keepFor, maxCount, now);
            }
        };
        Revisions knowing = new Revisions(counting, config(MAX_DELTAS, 0.5));
        Revisions everySave = new Revisions(repository, config(MAX_DELTAS, 0.5));
        for (int seed = 1; seed <= 3; seed++) {
            Random random = new Random(13_000 + seed);
            boolean lagging = seed == 3;
            UUID carried = UUID.randomUUID();
            UUID pruned = UUID.randomUUID();
            List<String> saved = new ArrayList<>(List.of(""));
            List<Instant> savedAt = new ArrayList<>(List.of(Instant.EPOCH));
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            Revisions.Window window = null;
            int saves = 200;
            prunes[0] = 0;
            for (int version = 1; version <= saves; version++) {
                String previous = saved.get(version - 1);
                String text = RandomEdits.edit(random, previous);
                Duration step = random.nextInt(4) == 0
                        ? Duration.ofMinutes(random.nextInt(40))
                        : Duration.ofSeconds(lagging && random.nextInt(5) == 0 ? -90 : 5);
                now = now.plus(step);
                saved.add(text);
                savedAt.add(now);
                int v = version;
                Instant at = now;
                Instant before = savedAt.get(version - 1);
                RevisionDelta delta = RevisionDelta.between(previous, text);
                Revisions.Window known = window;
                window = QuarkusTransaction.requiringNew()
                        .call(() -> knowing.record(
                                carried,
                                v,
                                delta.prefix(),
                                delta.suffix(),
                                delta.middle(text),
                                text.length(),
                                () -> text,
                                at,
                                known,
                                v == 1 ? null : before,
                                false));
                QuarkusTransaction.requiringNew().run(() -> everySave.record(pruned, v, previous, text, at));
                List<Integer> keptCarried = QuarkusTransaction.requiringNew().call(() -> repository.versions(carried));
                assertEquals(
                        QuarkusTransaction.requiringNew().call(() -> repository.versions(pruned)),
                        keptCarried,
                        "seed " + seed + ", version " + version);
                if (version % 10 == 0) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        for (int kept : keptCarried) {
                            assertEquals(Optional.of(saved.get(kept)), knowing.text(carried, kept), "version " + kept);
                        }
                    });
                    if (!lagging) {
                        assertWindow(knowing, carried, version, saved, savedAt);
                    }
                }
            }
            assertTrue(
                    prunes[0] < saves * 3 / 4, "seed " + seed + ": pruned on " + prunes[0] + " of " + saves + " saves");
        }
    }

    @Test
    void aRevisionWrittenBeforeDeltasIsAKeyframeTheNextDeltasBuildOn() {
        UUID project = UUID.randomUUID();
        String first = "Once upon a time. 😀";
        String second = "Once upon a long time. 😀";
        String third = "Once upon a long time. 😁";
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery("INSERT INTO content_revisions (project_id, version, content, created_at)"
                                + " VALUES (:p, 1, :c, :t)") // the statement the previous build ran
                        .setParameter("p", project)
                        .setParameter("c", first)
                        .setParameter("t", now)
                        .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> {
            revisions.record(project, 2, first, second, now);
            revisions.record(project, 3, second, third, now);
        });
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Optional.of(first), revisions.text(project, 1));
            assertEquals(Optional.of(second), revisions.text(project, 2));
            assertEquals(Optional.of(third), revisions.text(project, 3));
        });
        // stored: the whole text once, then only the changed middles
        assertEquals(
                "long ",
                TestSql.single(
                        dataSource,
                        String.class,
                        "SELECT delta_text FROM content.content_revisions WHERE project_id = ? AND version = 2",
                        project));
        assertEquals(
                "😁",
                TestSql.single(
                        dataSource,
                        String.class,
                        "SELECT delta_text FROM content.content_revisions WHERE project_id = ? AND version = 3",
                        project));
        assertNull(TestSql.single(
                dataSource,
                String.class,
                "SELECT content FROM content.content_revisions WHERE project_id = ? AND version = 3",
                project));
    }

    private static ContentConfig config(int keyframeMaxDeltas, double keyframeMaxDeltaFraction) {
        ContentConfig.Revisions window = new ContentConfig.Revisions() {
            @Override
            public int keepCount() {
                return KEEP_COUNT;
            }

            @Override
            public Duration keepFor() {
                return KEEP_FOR;
            }

            @Override
            public int maxCount() {
                return MAX_COUNT;
            }

            @Override
            public int keyframeMaxDeltas() {
                return keyframeMaxDeltas;
            }

            @Override
            public double keyframeMaxDeltaFraction() {
                return keyframeMaxDeltaFraction;
            }
        };
        return new ContentConfig() {
            @Override
            public long maxContentBytes() {
                return 5_242_880;
            }

            @Override
            public int versionHistoryLimit() {
                return 10;
            }

            @Override
            public int snapshotEveryWords() {
                return 1000;
            }

            @Override
            public Revisions revisions() {
                return window;
            }
        };
    }
}
