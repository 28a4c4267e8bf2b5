package com.writerstree.platform.security;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One lookup per key at a time: callers asking for a key whose lookup is in flight share its answer instead of each
 * starting their own. The answer (item or failure) goes to every caller that joined; the next caller after it
 * starts a new lookup.
 *
 * <p>Built on a {@link CompletableFuture} per key, deliberately not on {@code Uni.memoize()}: Mutiny 3.1's memoize
 * adds a late subscriber to its awaiters before calling its {@code onSubscribe}; when the answer arrives on the Redis
 * event loop in that window, an {@code onItemOrFailure().transformToUni(...)} subscriber takes the inner Uni's
 * subscription for its upstream and calls its mapper a second time with (null, null) - seen as a gateway NPE and a
 * 500 on one save in a few thousand under concurrent same-token requests. {@code Uni.createFrom().completionStage}
 * always signals {@code onSubscribe} before the item.
 */
final class SharedLookups<K, V> {

    private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /** The answer of the lookup of {@code key} in flight, or of {@code lookup} started now. */
    Uni<V> share(K key, Supplier<Uni<V>> lookup) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> shared = inFlight.putIfAbsent(key, mine);
        if (shared != null) {
            return Uni.createFrom().completionStage(shared);
        }
        Uni<V> started;
        try {
            started = lookup.get();
        } catch (RuntimeException e) {
            inFlight.remove(key, mine);
            mine.completeExceptionally(e);
            return Uni.createFrom().failure(e);
        }
        started.subscribe()
                .with(
                        item -> {
                            inFlight.remove(key, mine);
                            if (item == null) {
                                mine.completeExceptionally(new IllegalStateException("lookup answered nothing"));
                            } else {
                                mine.complete(item);
                            }
                        },
                        failure -> {
                            inFlight.remove(key, mine);
                            mine.completeExceptionally(failure);
                        });
        return Uni.createFrom().completionStage(mine);
    }

    /** Lookups in flight (for tests). */
    int inFlight() {
        return inFlight.size();
    }
}
