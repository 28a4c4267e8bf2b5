package com.writerstree.project.events;

import static org.awaitility.Awaitility.await;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.CpuTime;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the word-count projection costs per event (issue 12), on the real engines: {@code -Dcost.events=N} pushes N
 * ContentSaved of 50 projects (a burst, as content-service's relay sends it under load) and prints this JVM's CPU time
 * (the consumer, the test's producer and its polling), the CPU time of its PostgreSQL backends and the database's
 * commits per event. Off unless asked for:
 * a measurement, not a check (the machine is shared; see README for the numbers and the command).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "cost.events", matches = "\\d+")
class ContentEventsCostTest {

    private static final int PROJECTS = 50;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measuresCpuAndCommitsPerEvent() throws Exception {
        int events = Integer.getInteger("cost.events");
        UUID user = UUID.randomUUID();
        List<UUID> projects = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            UUID id = UUID.randomUUID();
            projects.add(id);
            TestSql.update(dataSource, "INSERT INTO projects (id, user_id, tree_seed) VALUES (?, ?, 'cost')", id, user);
        }
        int versions = events / PROJECTS;
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            for (UUID project : projects) {
                ContentSaved saved = ContentSaved.of(user, project, v, v * 10, 10, Instant.now(), null);
                records.add(new ProducerRecord<>(
                        LocalKafka.TEST_PREFIX + saved.topic(), saved.key(), EventCodec.encode(saved)));
            }
        }
        long commitsBefore = flushedCommits(); // the setup's commits are in the database's statistics
        Map<Integer, Long> dbBefore = CpuTime.backendTicks(dataSource, "project-service");
        long cpuBefore = CpuTime.jvmNanos();
        long started = System.nanoTime();

        LocalKafka.publishRecords(records);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> TestSql.single(
                                dataSource,
                                Long.class,
                                "SELECT count(*) FROM projects WHERE user_id = ? AND content_version = ?",
                                user,
                                versions)
                        == PROJECTS);

        long cpu = CpuTime.jvmNanos() - cpuBefore;
        long elapsed = System.nanoTime() - started;
        long dbTicks = CpuTime.ticksBetween(dbBefore, CpuTime.backendTicks(dataSource, "project-service"));
        long commits = flushedCommits() - commitsBefore;
        System.out.printf(
                "COST events=%d wall_ms=%d jvm_cpu_ms=%d jvm_cpu_us_per_event=%d db_backend_cpu_ms=%d"
                        + " db_commits=%d db_commits_per_1000_events=%d%n",
                records.size(),
                elapsed / 1_000_000,
                cpu / 1_000_000,
                cpu / 1000 / records.size(),
                dbTicks * CpuTime.NANOS_PER_TICK / 1_000_000,
                commits,
                commits * 1000 / records.size());
    }

    /**
     * The database's commit count once every backend has reported its pending statistics (PostgreSQL flushes them
     * at most once a second): read until two readings a little over a second apart differ by no more than the
     * reading's own commit.
     */
    private long flushedCommits() {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1100))
                .until(() -> {
                    long now = commits();
                    long before = last.getAndSet(now);
                    return before >= 0 && now - before <= 1;
                });
        return last.get();
    }

    private long commits() {
        return TestSql.single(
                dataSource, Long.class, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    }
}
