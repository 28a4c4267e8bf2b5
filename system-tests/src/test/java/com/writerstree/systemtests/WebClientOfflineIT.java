package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.expectSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing typed in the browser is lost while the gateway is down (disruptive: it kills the stack's gateway, then
 * starts it again with {@code deploy/stack.sh start}): the editor says "Offline — kept on this device", keeps the text
 * in the browser, and saves it once the gateway is back. {@code -Dwt.stack} names the stack (default {@code it}; pid
 * file {@code .run/pids/<stack>-sync-gateway.pid}), {@code -Dwt.stack.env} is what {@code deploy/stack.sh start} gets.
 */
@Tag("disruptive")
@Tag("browser")
class WebClientOfflineIT {

    @Test
    void typingWhileTheGatewayIsDownKeepsEveryWord() throws Exception {
        assumeTrue(Browser.available(), "chromium and chromium-driver are needed");
        String stack = System.getProperty("wt.stack", "it");
        Path pidFile = Stack.repoRoot().resolve(".run/pids/" + stack + "-sync-gateway.pid");
        assumeTrue(Files.isRegularFile(pidFile), "needs a gateway started by deploy/stack.sh (" + pidFile + ")");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());

        TestUsers.TestUser user = TestUsers.register();
        String token = Mailbox.awaitVerificationToken(user.email(), Duration.ofSeconds(60));
        expectSuccess(Gateway.api().body(Map.of("token", token)).post("/auth/verify-email"), 200);
        String projectId = Gateway.createProject(user.token(), "Through the outage", 1000);
        String before = "Before the outage.";
        String during = " Every word written while the gateway was down stays.";
        try (Browser b = Browser.start(TestUsers.clientIp(user.email()))) {
            b.open(Stack.gatewayUrl() + "/signin");
            b.awaitVisible("#signin-form");
            b.find("#email").sendKeys(user.email());
            b.find("#password").sendKeys(user.password());
            b.find("#signin-form button[type=submit]").click();
            b.awaitVisible("#project-list");
            b.open(Stack.gatewayUrl() + "/projects/" + projectId);
            b.await(30, "editor ready", d -> b.find("#writing").isEnabled());
            b.find("#writing").sendKeys(before);
            b.await(30, "saved", d -> "Saved".equals(b.find("#save-status").getText()));

            try {
                ProcessHandle gateway = ProcessHandle.of(pid).orElseThrow();
                gateway.destroyForcibly();
                gateway.onExit().get(30, TimeUnit.SECONDS);

                b.find("#writing").sendKeys(during);
                b.await(
                        30,
                        "offline status",
                        d -> "Offline — kept on this device"
                                .equals(b.find("#save-status").getText()));
                assertTrue(
                        String.valueOf(b.js("return localStorage.getItem(arguments[0])", "wt.draft." + projectId))
                                .contains("was down stays."),
                        "the text is kept in the browser");
                b.screenshot("08-offline-kept-on-this-device");
            } finally {
                restart(stack);
            }
            b.await(
                    90,
                    "saved after the gateway is back",
                    d -> "Saved".equals(b.find("#save-status").getText())
                            && b.js("return localStorage.getItem(arguments[0])", "wt.draft." + projectId) == null);
            b.screenshot("09-saved-after-reconnect");
        }
        assertEquals(
                before + during, Gateway.storedContent(user.token(), projectId).text());
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
