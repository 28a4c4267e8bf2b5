package com.writerstree.content.domain;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * The save metrics: {@code auto_saves_total{status}} by outcome, {@code content_save_seconds},
 * {@code milestones_reached_total}.
 */
@ApplicationScoped
public class SaveMetrics {

    private final Counter saved;
    private final Counter merged;
    private final Counter conflicts;
    private final Counter rejected;
    private final Counter errors;
    private final Timer saveTimer;
    private final Counter milestonesReached;

    public SaveMetrics(MeterRegistry registry) {
        this.saved = autoSaves(registry, "success");
        this.merged = autoSaves(registry, "merged");
        this.conflicts = autoSaves(registry, "conflict");
        // a save refused for the client's own mistake (4xx: invalid, too large, not theirs) is "rejected";
        // "error" is kept for the server's failures (5xx, unexpected exceptions), which the alert watches
        this.rejected = autoSaves(registry, "rejected");
        this.errors = autoSaves(registry, "error");
        this.saveTimer = Timer.builder("content_save_seconds")
                .description("Time to handle a content save")
                .register(registry);
        this.milestonesReached = Counter.builder("milestones_reached_total")
                .description("Saves that reached a milestone (counted after commit)")
                .register(registry);
    }

    private static Counter autoSaves(MeterRegistry registry, String status) {
        return Counter.builder("auto_saves_total")
                .description("Content saves by outcome")
                .tag("status", status)
                .register(registry);
    }

    /** A save that ended with an answer (stored, merged or unchanged), {@code nanos} after it started. */
    void succeeded(boolean wasMerged, boolean reachedMilestone, long nanos) {
        (wasMerged ? merged : saved).increment();
        if (reachedMilestone) {
            milestonesReached.increment();
        }
        saveTimer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A save that ended with {@code failure}: a conflict, the client's mistake (4xx) or the server's (5xx, other). */
    void failed(RuntimeException failure, long nanos) {
        Counter outcome = errors;
        if (failure instanceof ApiException e) {
            if (e.code() == ErrorCode.VERSION_CONFLICT) {
                outcome = conflicts;
            } else if (e.status() < 500) {
                outcome = rejected;
            }
        }
        outcome.increment();
        saveTimer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
