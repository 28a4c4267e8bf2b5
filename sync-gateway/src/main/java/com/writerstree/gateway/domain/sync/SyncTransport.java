package com.writerstree.gateway.domain.sync;

/**
 * How a {@link SyncSession} reaches its device: {@code /ws/sync} (JSON frames {@code {"event","data"}}) or
 * Socket.IO ({@code 42["event",data]} over WebSocket or long-polling). The sync rules ({@link SyncService}) only
 * ever emit events and close sessions through this interface.
 */
public interface SyncTransport {

    /** {@code ws} or {@code socket.io} (metrics, logs). */
    String kind();

    /** Sends one server event; never blocks, never throws (a failed send is logged at debug). */
    void emit(String event, Object data);

    /**
     * Closes the connection after whatever was emitted before. {@code code} is the /ws/sync close code (4401, 4408,
     * 4410, 4429); Socket.IO has no codes and sends a DISCONNECT packet instead (the preceding {@code error} event
     * carries the reason).
     */
    void terminate(int code, String reason);

    /**
     * This replica is stopping: closes so that the device reconnects at once (to another replica) and resumes.
     * /ws/sync: close code {@link SyncSessions#CLOSE_GOING_AWAY}; Socket.IO: the Engine.IO close alone (a pending
     * long-poll is answered with it), no DISCONNECT packet, which would stop socket.io-client from reconnecting.
     */
    void goAway();

    /** Called every {@code gateway.ws.ping-interval}: /ws/sync sends a ping frame (Engine.IO pings on its own). */
    default void heartbeat() {}
}
