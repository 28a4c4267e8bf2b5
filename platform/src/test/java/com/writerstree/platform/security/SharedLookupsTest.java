package com.writerstree.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedLookupsTest {

    @Test
    void callersDuringALookupShareItAndTheNextCallerStartsANewOne() {
        SharedLookups<String, Boolean> lookups = new SharedLookups<>();
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Uni<Boolean> first = lookups.share("t", () -> {
            started.incrementAndGet();
            return Uni.createFrom().completionStage(answer);
        });
        Uni<Boolean> second = lookups.share("t", () -> {
            started.incrementAndGet();
            return Uni.createFrom().item(true);
        });
        assertEquals(1, started.get(), "the second caller joined the lookup in flight");
        answer.complete(false);
        assertEquals(false, first.await().atMost(Duration.ofSeconds(1)));
        assertEquals(false, second.await().atMost(Duration.ofSeconds(1)));
        assertEquals(0, lookups.inFlight());
        assertEquals(
                true,
                lookups.share("t", () -> Uni.createFrom().item(true)).await().indefinitely());
    }

    @Test
    void aFailureReachesEveryCallerThatJoinedAndIsNotKept() {
        SharedLookups<String, Boolean> lookups = new SharedLookups<>();
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Uni<Boolean> first = lookups.share("t", () -> Uni.createFrom().completionStage(answer));
        Uni<Boolean> second = lookups.share("t", () -> Uni.createFrom().item(true));
        answer.completeExceptionally(new IllegalStateException("redis down"));
        assertThrows(RuntimeException.class, () -> first.await().atMost(Duration.ofSeconds(1)));
        assertThrows(RuntimeException.class, () -> second.await().atMost(Duration.ofSeconds(1)));
        assertEquals(0, lookups.inFlight());
        assertEquals(
                true,
                lookups.share("t", () -> Uni.createFrom().item(true)).await().indefinitely());
    }

    @Test
    void aLookupThatThrowsOrAnswersNothingFailsInsteadOfAnsweringNull() {
        SharedLookups<String, Boolean> lookups = new SharedLookups<>();
        assertThrows(
                RuntimeException.class,
                () -> lookups.share("t", () -> {
                            throw new IllegalStateException("no connection");
                        })
                        .await()
                        .indefinitely());
        assertThrows(
                RuntimeException.class,
                () -> lookups.share("t", () -> Uni.createFrom().nullItem())
                        .await()
                        .indefinitely());
        assertEquals(0, lookups.inFlight());
    }

    /** Many threads asking for a few keys while lookups complete on other threads: every answer arrives, none null. */
    @Test
    void concurrentCallersAlwaysGetTheAnswer() throws Exception {
        SharedLookups<String, Boolean> lookups = new SharedLookups<>();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        ExecutorService redis = Executors.newFixedThreadPool(2);
        AtomicInteger started = new AtomicInteger();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(callers.submit(() -> {
                    int answered = 0;
                    for (int i = 0; i < 3_000; i++) {
                        String key = "token-" + (i % 3);
                        boolean expected = key.endsWith("1");
                        Boolean got = lookups.share(key, () -> {
                                    started.incrementAndGet();
                                    return Uni.createFrom()
                                            .completionStage(CompletableFuture.supplyAsync(() -> expected, redis));
                                })
                                .await()
                                .atMost(Duration.ofSeconds(5));
                        assertEquals(expected, got, key);
                        answered++;
                    }
                    return answered;
                }));
            }
            for (Future<Integer> r : results) {
                assertEquals(3_000, r.get());
            }
            assertEquals(0, lookups.inFlight());
            assertTrue(started.get() < 24_000, "some callers shared a lookup: " + started.get());
        } finally {
            callers.shutdownNow();
            redis.shutdownNow();
        }
    }
}
