package com.writerstree.project.events;

import static org.awaitility.Awaitility.await;

import com.writerstree.contracts.content.v1.ContentEvents.ContentSaved;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        Thread.sleep(1500); // the database's statistics of the setup are flushed
        long commitsBefore = commits();
        Map<Integer, Long> dbBefore = backendTicks();
        long cpuBefore = cpuNanos();
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

        long cpu = cpuNanos() - cpuBefore;
        long elapsed = System.nanoTime() - started;
        long dbTicks = 0;
        for (Map.Entry<Integer, Long> backend : backendTicks().entrySet()) {
            dbTicks += backend.getValue() - dbBefore.getOrDefault(backend.getKey(), 0L);
        }
        Thread.sleep(1500);
        long commits = commits() - commitsBefore;
        System.out.printf(
                "COST events=%d wall_ms=%d jvm_cpu_ms=%d jvm_cpu_us_per_event=%d db_backend_cpu_ms=%d"
                        + " db_commits=%d db_commits_per_1000_events=%d%n",
                records.size(),
                elapsed / 1_000_000,
                cpu / 1_000_000,
                cpu / 1000 / records.size(),
                dbTicks * 10, // clock ticks of 10 ms (USER_HZ 100)
                commits,
                commits * 1000 / records.size());
    }

    private long commits() {
        return TestSql.single(
                dataSource, Long.class, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
    }

    /**
     * CPU time (user + system, in clock ticks) of this service's PostgreSQL backends, read from /proc (the database
     * runs on this machine in the tests); empty when /proc cannot be read.
     */
    private Map<Integer, Long> backendTicks() {
        Map<Integer, Long> ticks = new HashMap<>();
        String pids = TestSql.single(
                dataSource,
                String.class,
                "SELECT coalesce(string_agg(pid::text, ','), '') FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name = 'project-service'");
        for (String pid : pids.split(",")) {
            try {
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(Integer.valueOf(pid), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException e) {
                // a backend gone meanwhile, or no /proc: not counted
            }
        }
        return ticks;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
