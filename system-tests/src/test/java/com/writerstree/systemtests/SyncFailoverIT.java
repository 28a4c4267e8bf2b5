package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A gateway replica dies mid-session (disruptive: it kills the stack's second gateway, then starts it again with
 * {@code deploy/stack.sh start}). Needs the second replica ({@code -Dwt.gateway2.url}) started by deploy/stack.sh;
 * {@code -Dwt.stack} names the stack (default {@code it}; its pid file is {@code .run/pids/<stack>-sync-gateway-2.pid})
 * and {@code -Dwt.stack.env} is what {@code deploy/stack.sh start} gets to restart it (default: the stack name).
 */
@Tag("disruptive")
class SyncFailoverIT {

    @Test
    void savedDocumentSurvivesAGatewayReplicaDyingMidSession() throws Exception {
        String stack = System.getProperty("wt.stack", "it");
        Path pidFile = Stack.repoRoot().resolve(".run/pids/" + stack + "-sync-gateway-2.pid");
        assumeTrue(
                !Stack.gateway2Url().equals(Stack.gatewayUrl()) && Files.isRegularFile(pidFile),
                "needs a second gateway replica started by deploy/stack.sh (" + pidFile + ")");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());

        TestUsers.TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Failover", 1000);
        try (SyncIT.Device a = SyncIT.Device.on(Stack.gatewayUrl(), user.token());
                SyncIT.Device b = SyncIT.Device.on(Stack.gateway2Url(), user.token())) {
            b.send("sync:content", "{\"projectId\":\"" + projectId + "\",\"content\":\"written on B\",\"version\":0}");
            assertEquals(1, b.await("sync:ack").getInt("data.version"));
            assertEquals(1, a.await("sync:update").getInt("data.version"));
            b.send(
                    "sync:content",
                    "{\"projectId\":\"" + projectId + "\",\"content\":\"written on B twice\",\"version\":1}");
            assertEquals(2, b.await("sync:ack").getInt("data.version"));
            assertEquals(2, a.await("sync:update").getInt("data.version"));

            // replica 2 dies (SIGKILL: no graceful close)
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            b.closed.get(30, TimeUnit.SECONDS);

            // B reconnects to the surviving replica and resumes from the version it had before its last save
            try (SyncIT.Device b2 = SyncIT.Device.on(Stack.gatewayUrl(), user.token())) {
                b2.send("sync:resume", "{\"projects\":[{\"projectId\":\"" + projectId + "\",\"version\":1}]}");
                JsonPath update = b2.await("sync:update");
                assertEquals(2, update.getInt("data.version"), "nothing acknowledged is lost");
                assertEquals("written on B twice", update.getString("data.content"));
                b2.send(
                        "sync:content",
                        "{\"projectId\":\"" + projectId + "\",\"content\":\"written on B thrice\",\"version\":2}");
                assertEquals(3, b2.await("sync:ack").getInt("data.version"));
                assertEquals(3, a.await("sync:update").getInt("data.version"));
            }
        } finally {
            restart(stack);
        }
        Gateway.StoredContent stored = Gateway.storedContent(user.token(), projectId);
        assertEquals(3, stored.version());
        assertEquals("written on B thrice", stored.text());
    }

    private static void restart(String stack) throws Exception {
        String env = System.getProperty("wt.stack.env", stack);
        Process p = new ProcessBuilder(
                        Stack.repoRoot().resolve("deploy/stack.sh").toString(), "start", env)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS) && p.exitValue() == 0, "deploy/stack.sh start " + env + " failed");
    }
}
