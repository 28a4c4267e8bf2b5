package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A graceful stop (SIGTERM, as Kubernetes sends on a rollout) of a gateway replica that holds sync sockets does not
 * wait for them: Quarkus waits up to {@code quarkus.shutdown.timeout} (20 s) for HTTP requests in flight, and a
 * request upgraded to a WebSocket used to count as in flight for ever, so every replica that had accepted one socket
 * (even one closed long before) took 20 s more to stop (measured 26 s instead of 7 s). The sockets are closed by the
 * stop and their devices reconnect elsewhere ({@link GatewayReplicaKillFaultIT} covers the resume).
 */
@Tag("fault")
class GatewayGracefulStopFaultIT {

    /** The shutdown timeout is 20 s; a replica without sockets stops in ~7 s on the slowest machine measured. */
    private static final long MAX_STOP_MS = 15_000;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aReplicaWithOpenAndClosedSocketsStopsWithoutWaitingForThem() throws Exception {
        Faults.assumeSecondReplica();
        TestUsers.TestUser user = TestUsers.register();
        SyncIT.Device open = SyncIT.Device.on(Stack.gateway2Url(), user.token());
        try {
            try (SyncIT.Device closedBefore = SyncIT.Device.on(Stack.gateway2Url(), user.token())) {
                closedBefore.send("ping", "{}");
            }
            long start = System.nanoTime();
            Faults.stop("sync-gateway-2");
            long stopMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("GatewayGracefulStopFaultIT: replica 2 stopped in " + stopMs + " ms");
            assertTrue(stopMs < MAX_STOP_MS, "the replica took " + stopMs + " ms to stop (limit " + MAX_STOP_MS + ")");
            open.closed.get(10, TimeUnit.SECONDS);
        } finally {
            open.close();
            Faults.start("sync-gateway-2");
        }
    }
}
