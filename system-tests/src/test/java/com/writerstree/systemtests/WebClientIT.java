package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.expectSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The browser client (module web-client, served by the gateway) in headless Chromium, through the real stack: a
 * writer signs up, verifies through the link in the mail, signs in, creates a project, writes, reloads; two windows
 * of one writer see each other's typing; a milestone makes the tree bloom. Screenshots: target/browser-screenshots.
 * Skipped when chromium / chromium-driver are not installed.
 */
@Tag("browser")
class WebClientIT {

    private static final Pattern VERIFY_LINK = Pattern.compile("https?://[^/\\s]+(/verify-email\\?token=[^\\s\"<>]+)");

    @BeforeAll
    static void browserInstalled() {
        assumeTrue(
                Browser.available(),
                "chromium and chromium-driver are needed (" + Browser.chromium() + ", " + Browser.chromedriver() + ")");
    }

    @Test
    void signUpVerifySignInWriteAndReload() {
        String email = TestUsers.newEmail();
        try (Browser b = Browser.start(Gateway.randomClientIp())) {
            // the gateway serves the client at / (signed out: the sign-in page)
            b.open(Stack.gatewayUrl() + "/");
            b.awaitVisible("#signin-form");
            b.find("a[href='/signup']").click();
            b.awaitVisible("#signup-form");
            b.find("#full-name").sendKeys("Browser Writer");
            b.find("#email").sendKeys(email);
            b.find("#password").sendKeys(TestUsers.PASSWORD);
            b.find("#signup-form button[type=submit]").click();
            assertTrue(b.awaitVisible("#check-mail").getText().contains(email));
            b.screenshot("01-check-your-mail");

            // the link in the mail, opened on this stack's gateway (the mail names the configured app URL)
            String path = verificationPath(email);
            b.open(Stack.gatewayUrl() + path);
            assertTrue(b.awaitVisible("#page-message").getText().contains("verified"));
            b.find("#email").sendKeys(email);
            b.find("#password").sendKeys(TestUsers.PASSWORD);
            b.find("#signin-form button[type=submit]").click();
            b.awaitVisible("#create-form");

            b.find("#new-title").sendKeys("A novel in the browser");
            WebElement goal = b.find("#new-goal");
            goal.clear();
            goal.sendKeys("1000");
            b.find("#create-form button[type=submit]").click();
            WebElement text = b.await(30, "editor ready", d -> {
                WebElement t = b.find("#writing");
                return t.isEnabled() ? t : null;
            });
            String projectId = b.driver.getCurrentUrl().replaceAll(".*/projects/", "");
            String words = "It was a quiet morning and the first sentence finally arrived.";
            text.sendKeys(words);
            awaitSaved(b, projectId);
            b.screenshot("02-editor-saved");

            b.driver.navigate().refresh();
            b.await(
                    30,
                    "text after reload",
                    d -> words.equals(b.find("#writing").getAttribute("value")));
            assertEquals("Saved", b.find("#save-status").getText());
            b.screenshot("03-editor-after-reload");

            // the projects list shows it with its progress
            b.find("a[href='/projects'].button").click();
            String selector = "li[data-project-id='" + projectId + "']";
            // the list's word count is project-service's projection of the saves (updated from an event): reload
            // until it arrived
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(30))
                    .pollingEvery(Duration.ofSeconds(1))
                    .withMessage("projects list with the word count")
                    .until(d -> {
                        List<WebElement> found = d.findElements(org.openqa.selenium.By.cssSelector(selector));
                        if (!found.isEmpty() && found.get(0).getText().contains("11 of 1,000 words")) {
                            return true;
                        }
                        d.navigate().refresh();
                        return false;
                    });
            WebElement item = b.awaitVisible(selector);
            assertTrue(item.getText().contains("A novel in the browser"), item.getText());
            b.screenshot("04-projects");
            assertEquals(List.of(), b.consoleErrors(), "browser console errors");

            // the stats page (stats-service; the page degrades to a message when it cannot answer)
            b.find("a[href='/stats']").click();
            b.await(
                    30,
                    "stats",
                    d -> !d.findElements(org.openqa.selenium.By.cssSelector("#stats dl, #stats .error"))
                            .isEmpty());
            b.screenshot("04b-stats");

            b.find("#sign-out").click();
            b.awaitVisible("#signin-form");
        }
    }

    @Test
    void twoWindowsOfOneWriterSeeEachOthersTypingAndTheBloom() {
        TestUsers.TestUser user = verifiedUser();
        String projectId = Gateway.createProject(user.token(), "Two windows", 1000);
        try (Browser b = Browser.start(TestUsers.clientIp(user.email()))) {
            b.open(Stack.gatewayUrl() + "/signin");
            b.awaitVisible("#signin-form");
            b.find("#email").sendKeys(user.email());
            b.find("#password").sendKeys(user.password());
            b.find("#signin-form button[type=submit]").click();
            b.awaitVisible("#project-list li[data-project-id='" + projectId + "']");

            String first = b.driver.getWindowHandle();
            b.open(Stack.gatewayUrl() + "/projects/" + projectId);
            awaitEditor(b);
            b.driver.switchTo().newWindow(WindowType.WINDOW);
            String second = b.driver.getWindowHandle();
            b.open(Stack.gatewayUrl() + "/projects/" + projectId);
            awaitEditor(b);

            b.driver.switchTo().window(first);
            b.find("#writing").sendKeys("Hello from the first window.");
            b.driver.switchTo().window(second);
            b.await(
                    30,
                    "second window shows the first one's text",
                    d -> "Hello from the first window."
                            .equals(b.find("#writing").getAttribute("value")));
            b.screenshot("05-second-window-updated");

            WebElement text = b.find("#writing");
            text.sendKeys(" And the second one answers.");
            b.driver.switchTo().window(first);
            b.await(
                    30,
                    "first window shows the second one's text",
                    d -> "Hello from the first window. And the second one answers."
                            .equals(b.find("#writing").getAttribute("value")));
            b.screenshot("06-first-window-updated");

            // 25 % of 1,000 words: the tree blooms in both windows
            StringBuilder more = new StringBuilder();
            for (int i = 0; i < 250; i++) {
                more.append(" word");
            }
            b.find("#writing").sendKeys(more.toString());
            WebElement bloom = b.await(60, "bloom", d -> {
                List<WebElement> found = d.findElements(org.openqa.selenium.By.id("bloom"));
                return found.isEmpty() ? null : found.get(0);
            });
            assertTrue(bloom.getText().contains("25%"), bloom.getText());
            b.await(
                    10,
                    "petals open",
                    d -> "1".equals(b.js("return getComputedStyle(document.querySelector('#bloom .petal')).opacity")));
            b.screenshot("07-bloom");
            b.driver.switchTo().window(second);
            b.await(
                    60,
                    "bloom in the other window",
                    d -> !d.findElements(org.openqa.selenium.By.id("bloom")).isEmpty());
            List<String> errors = new ArrayList<>(b.consoleErrors());
            assertEquals(List.of(), errors, "browser console errors");
        }
    }

    private static void awaitEditor(Browser b) {
        b.await(
                30,
                "editor ready",
                d -> b.find("#writing").isEnabled()
                        && "Saved".equals(b.find("#save-status").getText()));
    }

    /** Saved: the status says so and nothing waits in this device's storage. */
    private static void awaitSaved(Browser b, String projectId) {
        b.await(
                30,
                "saved",
                d -> "Saved".equals(b.find("#save-status").getText())
                        && b.js("return localStorage.getItem(arguments[0])", "wt.draft." + projectId) == null);
    }

    private static String verificationPath(String email) {
        return org.awaitility.Awaitility.await("verification mail for " + email)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> Mailbox.messages(email).stream()
                                .map(m -> VERIFY_LINK.matcher(m.text().replace("&amp;", "&")))
                                .filter(Matcher::find)
                                .map(m -> m.group(1))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static TestUsers.TestUser verifiedUser() {
        TestUsers.TestUser user = TestUsers.register();
        String token = Mailbox.awaitVerificationToken(user.email(), Duration.ofSeconds(60));
        expectSuccess(Gateway.api().body(Map.of("token", token)).post("/auth/verify-email"), 200);
        return user;
    }
}
