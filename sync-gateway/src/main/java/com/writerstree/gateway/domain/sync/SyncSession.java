package com.writerstree.gateway.domain.sync;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One device connection on this replica, whatever its transport, and what the gateway knows about its user. Its
 * inbound messages run one at a time, in arrival order, on worker threads ({@link #submit}); a message that waits for
 * another service ({@link #submitAsync}: a save) holds its connection's place in the order, but no thread.
 */
public final class SyncSession {

    private static final Logger LOG = Logger.getLogger(SyncSession.class);

    private final String id;
    private final SyncTransport transport;
    final long openedAt = System.currentTimeMillis();
    volatile long lastSeen = openedAt;

    private volatile Identity identity;
    private volatile boolean patches;

    /** Per-connection message budget (in memory: a connection lives on one replica). */
    private double tokens;

    private long refilledAt = openedAt;

    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final Queue<Supplier<? extends CompletionStage<?>>> inbox = new ArrayDeque<>();
    private boolean draining;

    public SyncSession(String id, SyncTransport transport, int burst) {
        this.id = id;
        this.transport = transport;
        this.tokens = burst;
    }

    public record Identity(String userId, String token, String jti, long issuedAt, long expiresAt) {}

    public String id() {
        return id;
    }

    public SyncTransport transport() {
        return transport;
    }

    public void emit(String event, Object data) {
        transport.emit(event, data);
    }

    public Identity identity() {
        return identity;
    }

    void authenticate(Identity identity) {
        this.identity = identity;
    }

    public boolean authenticated() {
        return identity != null;
    }

    public String userId() {
        Identity i = identity;
        return i == null ? null : i.userId();
    }

    /** Whether this device asked for {@code sync:update} as a patch when one is possible (README "Patches"). */
    public boolean patches() {
        return patches;
    }

    void acceptPatches(boolean patches) {
        this.patches = patches;
    }

    public void touch() {
        lastSeen = System.currentTimeMillis();
    }

    synchronized boolean tryAcquire(double ratePerSecond, int burst) {
        long now = System.currentTimeMillis();
        tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerSecond / 1000.0);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Runs {@code task} on {@code workers} after every task submitted before it has finished (serial, in order). */
    public void submit(Executor workers, Runnable task) {
        submitAsync(workers, () -> {
            task.run();
            return DONE;
        });
    }

    /**
     * Starts {@code task} on {@code workers} after every task submitted before it has finished, and counts it finished
     * when the stage it returns completes (however it completes): the next message of this connection waits for it,
     * no thread does.
     */
    public void submitAsync(Executor workers, Supplier<? extends CompletionStage<?>> task) {
        synchronized (inbox) {
            inbox.add(task);
            if (draining) {
                return;
            }
            draining = true;
        }
        workers.execute(() -> drain(workers));
    }

    private void drain(Executor workers) {
        Supplier<? extends CompletionStage<?>> next;
        synchronized (inbox) {
            next = inbox.poll();
            if (next == null) {
                draining = false;
                return;
            }
        }
        CompletionStage<?> running = DONE;
        try {
            running = next.get();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Sync message failed on connection %s", id);
        } catch (Error e) {
            workers.execute(() -> drain(workers)); // the connection's later messages still run
            throw e;
        }
        if (running == null) {
            running = DONE;
        }
        running.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "Sync message failed on connection %s", id);
            }
            workers.execute(() -> drain(workers));
        });
    }
}
