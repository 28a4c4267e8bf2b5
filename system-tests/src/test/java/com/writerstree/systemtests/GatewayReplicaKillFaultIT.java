package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of a gateway replica with several connected devices (issue #8, fault suite; {@link SyncFailoverIT}
 * covers one device): every device on the dead replica reconnects to the other one, resumes from the version
 * it had before its last save, gets everything acknowledged, and writes on; the device on the surviving
 * replica sees it all. Nothing acknowledged is lost.
 */
@Tag("fault")
class GatewayReplicaKillFaultIT {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void devicesOfAKilledReplicaResumeOnTheOtherWithNothingLost() throws Exception {
        Faults.assumeSecondReplica();
        TestUsers.TestUser user = TestUsers.register();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            projects.add(Gateway.createProject(user.token(), "Replica " + i, 1000));
        }
        List<SyncIT.Device> doomed = new ArrayList<>();
        try (SyncIT.Device watcher = SyncIT.Device.on(Stack.gatewayUrl(), user.token())) {
            for (int i = 0; i < projects.size(); i++) {
                SyncIT.Device device = SyncIT.Device.on(Stack.gateway2Url(), user.token());
                doomed.add(device);
                String project = projects.get(i);
                for (int v = 0; v < 2; v++) {
                    device.send("sync:content", content(project, "device " + i + " draft " + (v + 1), v));
                    assertEquals(v + 1, device.await("sync:ack").getInt("data.version"));
                }
            }
            Faults.kill9("sync-gateway-2");
            for (SyncIT.Device device : doomed) {
                device.closed.get(30, TimeUnit.SECONDS);
            }
            for (int i = 0; i < projects.size(); i++) {
                String project = projects.get(i);
                try (SyncIT.Device again = SyncIT.Device.on(Stack.gatewayUrl(), user.token())) {
                    again.send("sync:resume", "{\"projects\":[{\"projectId\":\"" + project + "\",\"version\":1}]}");
                    JsonPath update = again.await("sync:update");
                    assertEquals(2, update.getInt("data.version"), "nothing acknowledged is lost");
                    assertEquals("device " + i + " draft 2", update.getString("data.content"));
                    again.send("sync:content", content(project, "device " + i + " draft 3", 2));
                    assertEquals(3, again.await("sync:ack").getInt("data.version"));
                }
            }
        } finally {
            doomed.forEach(SyncIT.Device::close);
            Faults.start("sync-gateway-2");
        }
        for (int i = 0; i < projects.size(); i++) {
            Gateway.StoredContent stored = Gateway.storedContent(user.token(), projects.get(i));
            assertEquals(3, stored.version());
            assertEquals("device " + i + " draft 3", stored.text());
        }
    }

    private static String content(String project, String text, int version) {
        return "{\"projectId\":\"" + project + "\",\"content\":\"" + text + "\",\"version\":" + version + "}";
    }
}
