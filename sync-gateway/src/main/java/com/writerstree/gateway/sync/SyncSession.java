package com.writerstree.gateway.sync;

import io.quarkus.websockets.next.WebSocketConnection;

/** One open {@code /ws/sync} connection on this replica and what the gateway knows about its user. */
final class SyncSession {

    final WebSocketConnection connection;
    final long openedAt = System.currentTimeMillis();
    volatile long lastSeen = openedAt;

    private volatile Identity identity;

    /** Per-connection message budget (in memory: a connection lives on one replica). */
    private double tokens;

    private long refilledAt = openedAt;

    SyncSession(WebSocketConnection connection, int burst) {
        this.connection = connection;
        this.tokens = burst;
    }

    record Identity(String userId, String token, String jti, long issuedAt, long expiresAt) {}

    String id() {
        return connection.id();
    }

    Identity identity() {
        return identity;
    }

    void authenticate(Identity identity) {
        this.identity = identity;
    }

    boolean authenticated() {
        return identity != null;
    }

    String userId() {
        Identity i = identity;
        return i == null ? null : i.userId();
    }

    void touch() {
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
}
