package com.writerstree.platform.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * CPU time for the cost measurements of the services' tests (issue 12): this JVM's, and that of a service's
 * PostgreSQL backends, read from /proc (the database runs on this machine in the tests).
 */
public final class CpuTime {

    /** Nanoseconds in a clock tick of /proc/&lt;pid&gt;/stat (USER_HZ 100). */
    public static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {}

    /** CPU time (user + system) this JVM has used, in nanoseconds. */
    public static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU time (user + system, in clock ticks) of each PostgreSQL backend of the current database whose
     * application_name is {@code application}, by process id; empty when /proc cannot be read.
     */
    public static Map<Integer, Long> backendTicks(DataSource dataSource, String application) {
        Map<Integer, Long> ticks = new HashMap<>();
        String pids = TestSql.single(
                dataSource,
                String.class,
                "SELECT coalesce(string_agg(pid::text, ','), '') FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name = ?",
                application);
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

    /** The ticks the backends used between two {@link #backendTicks} readings (a backend new since counts from 0). */
    public static long ticksBetween(Map<Integer, Long> before, Map<Integer, Long> after) {
        long ticks = 0;
        for (Map.Entry<Integer, Long> backend : after.entrySet()) {
            ticks += backend.getValue() - before.getOrDefault(backend.getKey(), 0L);
        }
        return ticks;
    }
}
