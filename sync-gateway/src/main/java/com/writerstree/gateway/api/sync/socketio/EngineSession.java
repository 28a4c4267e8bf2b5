package com.writerstree.gateway.api.sync.socketio;

import com.writerstree.gateway.domain.sync.SyncSession;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One Engine.IO session on this replica: its transport (long-polling, possibly upgraded to a WebSocket), the packets
 * waiting for the next poll, the heartbeat, and the sync session of its (only, default-namespace) Socket.IO socket.
 * Every field is guarded by the instance's monitor.
 */
final class EngineSession {

    final String sid;
    final String cookie;
    final String origin;
    SyncSession sync;
    /** A CONNECT to the default namespace arrived (its answer may still be pending on the worker). */
    boolean joining;
    /** The Socket.IO default namespace is joined (CONNECT answered). */
    boolean connected;

    final List<String> queue = new ArrayList<>();
    long queuedChars;
    RoutingContext pendingPoll;
    ServerWebSocket ws;
    /** The probe WebSocket got its {@code 3probe}: polls are answered at once (noop) until the upgrade. */
    boolean probed;
    /** The WebSocket sent its upgrade packet: everything goes through it from now on. */
    boolean upgraded;

    long lastPingSent;
    long lastPong = System.currentTimeMillis();
    long lastPollAt = System.currentTimeMillis();
    boolean closed;

    EngineSession(String sid, String cookie, String origin) {
        this.sid = sid;
        this.cookie = cookie;
        this.origin = origin;
    }

    boolean overWebSocket() {
        return upgraded && ws != null;
    }
}
