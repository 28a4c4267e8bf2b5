package com.writerstree.gateway.domain.sync;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One serial lane per key (a user): tasks of one key run one after the other, in order, each an asynchronous
 * {@link Uni}; tasks of different keys run independently, so a slow answer for one user never delays another
 * user's updates. A lane holds at most {@code maxPending} waiting tasks; beyond that a task is refused (the
 * caller drops it: a device repairs a missed update with {@code sync:resume}). A lane without work is removed.
 */
final class FanOutLanes {

    private static final Logger LOG = Logger.getLogger(FanOutLanes.class);

    private final int maxPending;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    private static final class Lane {
        final ArrayDeque<Supplier<Uni<Void>>> waiting = new ArrayDeque<>();
    }

    FanOutLanes(int maxPending) {
        this.maxPending = maxPending;
    }

    /** Queues {@code task} on {@code key}'s lane; false (nothing queued) when the lane is full. */
    boolean submit(String key, Supplier<Uni<Void>> task) {
        boolean[] accepted = {false};
        boolean[] start = {false};
        lanes.compute(key, (k, lane) -> {
            if (lane == null) {
                lane = new Lane();
                start[0] = true; // a new lane is idle: this caller runs it
            }
            if (lane.waiting.size() < maxPending) {
                lane.waiting.add(task);
                accepted[0] = true;
            }
            return lane;
        });
        if (start[0]) {
            runNext(key);
        }
        return accepted[0];
    }

    /** Lanes with work (running or waiting), for tests and metrics. */
    int active() {
        return lanes.size();
    }

    private void runNext(String key) {
        @SuppressWarnings("unchecked")
        Supplier<Uni<Void>>[] next = new Supplier[1];
        lanes.computeIfPresent(key, (k, lane) -> {
            next[0] = lane.waiting.poll();
            return next[0] == null ? null : lane; // an empty lane is removed: the next submit starts a new one
        });
        if (next[0] == null) {
            return;
        }
        Uni<Void> work;
        try {
            work = next[0].get();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Sync fan-out task failed");
            work = Uni.createFrom().voidItem();
        }
        work.subscribe().with(done -> runNext(key), failure -> {
            LOG.warnf("Sync fan-out task failed: %s", failure.toString());
            runNext(key);
        });
    }
}
