package com.writerstree.gateway.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FanOutLanesTest {

    /** A task that completes only when the test says so. */
    private static final class Pending {
        final AtomicReference<UniEmitter<? super Void>> emitter = new AtomicReference<>();

        Uni<Void> uni(List<String> log, String name) {
            return Uni.createFrom().emitter(e -> {
                log.add(name);
                emitter.set(e);
            });
        }

        void complete() {
            emitter.get().complete(null);
        }
    }

    @Test
    void tasksOfOneKeyRunInOrderOneAtATimeAndOtherKeysDoNotWait() {
        FanOutLanes lanes = new FanOutLanes(10);
        List<String> log = new ArrayList<>();
        Pending slow = new Pending();
        assertTrue(lanes.submit("alice", () -> slow.uni(log, "alice-1")));
        assertTrue(lanes.submit("alice", () -> {
            log.add("alice-2");
            return Uni.createFrom().voidItem();
        }));
        assertTrue(lanes.submit("bob", () -> {
            log.add("bob-1");
            return Uni.createFrom().voidItem();
        }));
        // alice's second task waits for her first; bob's ran at once
        assertEquals(List.of("alice-1", "bob-1"), log);
        assertEquals(1, lanes.active(), "bob's lane is gone once empty; alice's is busy");
        slow.complete();
        assertEquals(List.of("alice-1", "bob-1", "alice-2"), log);
        assertEquals(0, lanes.active());
    }

    @Test
    void aFullLaneRefusesAndAFailingTaskDoesNotStopTheLane() {
        FanOutLanes lanes = new FanOutLanes(2);
        List<String> log = new ArrayList<>();
        Pending first = new Pending();
        assertTrue(lanes.submit("u", () -> first.uni(log, "1"))); // running, not waiting
        assertTrue(lanes.submit("u", () -> Uni.createFrom().failure(new IllegalStateException("read failed"))));
        assertTrue(lanes.submit("u", () -> {
            log.add("3");
            return Uni.createFrom().voidItem();
        }));
        assertFalse(lanes.submit("u", () -> Uni.createFrom().voidItem()), "two waiting: the backlog is full");
        first.complete();
        assertEquals(List.of("1", "3"), log);
        assertEquals(0, lanes.active());
        assertTrue(lanes.submit("u", () -> {
            log.add("4");
            return Uni.createFrom().voidItem();
        }));
        assertEquals(List.of("1", "3", "4"), log);
    }
}
