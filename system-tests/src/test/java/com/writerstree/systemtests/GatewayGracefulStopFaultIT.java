package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A graceful stop (SIGTERM, as Kubernetes sends on a rollout) of a gateway replica that holds sync sockets does not
 * wait for them: Quarkus waits up to {@code quarkus.shutdown.timeout} (20 s) for HTTP requests in flight, and a
 * request upgraded to a WebSocket used to count as in flight for ever, so every replica that had accepted one socket
 * (even one closed long before) took 20 s more to stop (measured 26 s instead of 7 s). A Socket.IO long-poll pending
 * at the stop is an HTTP request in flight too (held until the next event or the 25 s ping). When the stop begins,
 * every sync connection is told to go away: /ws/sync closes with 1001, and Socket.IO gets the Engine.IO close (its
 * pending poll answered), which socket.io-client treats as "transport close" and reconnects after (a Socket.IO
 * DISCONNECT would be "io server disconnect", after which it does not). The devices reconnect elsewhere
 * ({@link GatewayReplicaKillFaultIT} covers the resume).
 */
@Tag("fault")
class GatewayGracefulStopFaultIT {

    /** The shutdown timeout is 20 s; a replica without sockets stops in ~7 s on the slowest machine measured. */
    private static final long MAX_STOP_MS = 15_000;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aReplicaWithOpenClosedAndPollingSocketsStopsWithoutWaitingForThemAndTellsThemToReconnect() throws Exception {
        Faults.assumeSecondReplica();
        TestUsers.TestUser user = TestUsers.register();
        SyncIT.Device open = SyncIT.Device.on(Stack.gateway2Url(), user.token());
        NodeDevice polling = NodeDevice.start(
                Stack.gateway2Url(), NodeDevice.transports(NodeDevice.withToken(user.token()), "polling"));
        try {
            try (SyncIT.Device closedBefore = SyncIT.Device.on(Stack.gateway2Url(), user.token())) {
                closedBefore.send("ping", "{}");
            }
            polling.awaitType("connect");
            long start = System.nanoTime();
            Faults.stop("sync-gateway-2");
            long stopMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("GatewayGracefulStopFaultIT: replica 2 stopped in " + stopMs + " ms");
            assertTrue(stopMs < MAX_STOP_MS, "the replica took " + stopMs + " ms to stop (limit " + MAX_STOP_MS + ")");
            assertEquals(1001, open.closed.get(10, TimeUnit.SECONDS), "/ws/sync is told the replica is going away");
            assertEquals(
                    "transport close",
                    polling.awaitType("disconnect").path("reason").asText(),
                    "socket.io-client reconnects after a transport close (not after an io server disconnect)");
        } finally {
            polling.close();
            open.close();
            Faults.start("sync-gateway-2");
        }
    }
}
