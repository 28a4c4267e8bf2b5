package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.expectSuccess;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The browser client's tree, bloom, stats and password reset, in headless Chromium against the real stack:
 *
 * <ul>
 *   <li>the editor's tree is the tree export-service draws: the same seed, species, season, progress and milestones
 *       give the same SVG shapes (compared shape by shape with the exported SVG);
 *   <li>a bloom reached while no window was open shows once when the writer opens the project, and not again on
 *       another device afterwards;
 *   <li>the stats page shows streaks, the daily chart, and each project's pace and projected finish as stats-service
 *       computes them, also at phone width;
 *   <li>the reset link in the mail opens a working page that changes the password.
 * </ul>
 *
 * Screenshots: target/browser-screenshots/1x-*.png.
 */
@Tag("browser")
class WebClientTreeStatsIT {

    private static final Pattern RESET_LINK = Pattern.compile("https?://[^/\\s]+(/reset-password\\?token=[^\\s\"<>]+)");
    private static final Pattern SHAPE = Pattern.compile("<(rect|path|circle|ellipse) ([^>]*?)/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    @BeforeAll
    static void browserInstalled() {
        assumeTrue(
                Browser.available(),
                "chromium and chromium-driver are needed (" + Browser.chromium() + ", " + Browser.chromedriver() + ")");
    }

    @Test
    void theEditorsTreeIsTheExportedTree() throws Exception {
        TestUsers.TestUser user = verifiedUser();
        String projectId = createProject(user.token(), "Cherry in autumn", 1000, "cherry", "autumn");
        // 300 of 1,000 words: 30 % grown, the 25 % milestone reached (some blossoms)
        Gateway.saveContent(user.token(), projectId, words(300), 0);
        await("project-service has the word count")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Gateway.listedWordCount(user.token(), projectId) == 300);

        try (Browser b = signedIn(user)) {
            b.open(Stack.gatewayUrl() + "/projects/" + projectId);
            awaitEditor(b);
            WebElement tree = b.awaitVisible(".tree-box svg.tree[data-milestones='1']");
            assertEquals("cherry", tree.getAttribute("data-species"));
            assertTrue(tree.getAttribute("aria-label").contains("autumn"), tree.getAttribute("aria-label"));
            b.screenshot("10-editor-tree-cherry-autumn-30");
            @SuppressWarnings("unchecked")
            List<String> drawn = (List<String>) b.js(
                    "return [...document.querySelectorAll('.tree-box svg.tree > *')]" + ".map((e) => e.outerHTML)");

            // the same tree exported as SVG at the same size
            JsonPath exported = expectSuccess(
                    Gateway.api(user.token())
                            .body(Map.of("format", "svg", "width", 320, "height", 240, "transparent", false))
                            .post("/projects/{id}/export-tree", projectId),
                    200);
            String svg = download(exported.getString("data.downloadUrl"));
            List<Map<String, String>> server = shapes(svg);
            List<Map<String, String>> client = new ArrayList<>();
            for (String element : drawn) {
                client.addAll(shapes(element));
            }
            assertTrue(server.size() > 40, "a 30 % cherry: trunk, first branches, leaves, blossoms: " + server.size());
            assertEquals(server.size(), client.size(), "shapes in the exported tree and in the browser's");
            // every reached milestone blooms: at 25 % at least three blossoms (five petals each), whatever the
            // seed, and the browser draws exactly the exported tree's
            long blossoms =
                    client.stream().filter(s -> "#f5a3bf".equals(s.get("fill"))).count();
            long exportedBlossoms =
                    server.stream().filter(s -> "#f5a3bf".equals(s.get("fill"))).count();
            assertTrue(blossoms >= 3 * 5, "cherry blossoms at 25 %: " + blossoms + " petals");
            assertEquals(exportedBlossoms, blossoms, "cherry blossoms at 25 %, as exported");
            for (int i = 0; i < server.size(); i++) {
                sameShape(i, server.get(i), client.get(i));
            }

            // the projects list draws the same species and blossoms
            b.find("a[href='/projects'].button").click();
            WebElement listed = b.awaitVisible("li[data-project-id='" + projectId + "'] svg.tree");
            assertEquals("cherry", listed.getAttribute("data-species"));
            assertEquals("1", listed.getAttribute("data-milestones"));
            b.screenshot("11-projects-with-trees");
            assertEquals(List.of(), b.consoleErrors(), "browser console errors");
        }
    }

    @Test
    void aBloomReachedElsewhereShowsOnceAcrossDevices() {
        TestUsers.TestUser user = verifiedUser();
        String projectId = createProject(user.token(), "Bloom once", 1000, "oak", "spring");
        // another device writes past 25 % while no browser is open
        JsonPath saved = expectSuccess(Gateway.saveContent(user.token(), projectId, words(260), 0), 200);
        assertEquals("25_percent", milestoneType(saved.get("data.milestoneReached")));
        await("stats-service knows the milestone, not yet seen")
                .atMost(Duration.ofSeconds(30))
                .until(() -> celebrated(user.token(), projectId, "25_percent") == Boolean.FALSE);

        try (Browser first = signedIn(user)) {
            first.open(Stack.gatewayUrl() + "/projects/" + projectId);
            awaitEditor(first);
            WebElement bloom = first.await(30, "bloom on opening", d -> {
                List<WebElement> found = d.findElements(By.id("bloom"));
                return found.isEmpty() ? null : found.get(0);
            });
            assertEquals("25_percent", bloom.getAttribute("data-milestone"));
            first.awaitVisible(".tree-box svg.tree[data-milestones='1']");
            first.screenshot("12-bloom-on-open");
            await("the bloom is marked as seen")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> celebrated(user.token(), projectId, "25_percent") == Boolean.TRUE);
            assertEquals(List.of(), first.consoleErrors(), "browser console errors");
        }
        // another device (a fresh browser) opens the project: the tree has its blossoms, no second bloom
        try (Browser second = signedIn(user)) {
            second.open(Stack.gatewayUrl() + "/projects/" + projectId);
            awaitEditor(second);
            second.awaitVisible(".tree-box svg.tree[data-milestones='1']");
            await("no second bloom")
                    .during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(8))
                    .until(() -> second.driver.findElements(By.id("bloom")).isEmpty());
            second.screenshot("13-no-second-bloom");
            assertEquals(List.of(), second.consoleErrors(), "browser console errors");
        }
    }

    @Test
    void statsShowStreaksChartPaceAndProjectedFinish() {
        TestUsers.TestUser user = verifiedUser();
        String deadline =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        String projectId = expectSuccess(
                        Gateway.createProjectRaw(
                                user.token(),
                                Map.of(
                                        "title", "Paced novel",
                                        "wordGoal", 5000,
                                        "treeSpecies", "maple",
                                        "treeSeason", "summer",
                                        "deadline", deadline)),
                        201)
                .getString("data.id");
        Gateway.saveContent(user.token(), projectId, words(700), 0);
        // project-events and content-events are separate topics: the save may be counted before ProjectCreated
        // (the goal) is applied; stats-service fills the goal in when it arrives (eventually consistent)
        JsonPath stats = await(
                        "stats-service counted the words (the word count and the day's words) and knows the goal")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> Gateway.api(user.token()).get("/projects/{id}/stats", projectId),
                        r -> r.statusCode() == 200
                                && r.jsonPath().getInt("data.currentWordCount") == 700
                                && r.jsonPath().getInt("data.wordsToday") == 700
                                && Integer.valueOf(5000).equals(r.jsonPath().get("data.wordGoal")))
                .jsonPath();
        String finish = stats.getString("data.projectedFinishDate");
        assertNotNull(finish, "a projected finish at 100 words a day");
        long pace = Math.round(stats.getDouble("data.pace7Days"));
        assertEquals(100, pace, "700 words in the last 7 days");

        try (Browser b = signedIn(user)) {
            b.open(Stack.gatewayUrl() + "/stats");
            WebElement card = b.awaitVisible("article.goal[data-project-id='" + projectId + "'] dl");
            assertEquals(
                    "100 words a day",
                    card.findElement(By.cssSelector("dd[data-fact='Pace, last 7 days']"))
                            .getText());
            WebElement projected = card.findElement(By.cssSelector("dd[data-fact='Projected finish']"));
            assertEquals(finish, projected.getAttribute("data-value"), projected.getText());
            assertTrue(card.getText().contains("700 of 5,000 (4,300 to go)"), card.getText());
            assertEquals(
                    String.format(java.util.Locale.US, "%,d words", stats.getInt("data.dailyQuota")),
                    card.findElement(By.cssSelector("dd[data-fact='Needed per day']"))
                            .getText());
            assertEquals(
                    stats.getBoolean("data.onTrack") ? "Yes" : "Not at this pace",
                    card.findElement(By.cssSelector("dd[data-fact='On track']")).getText());
            b.awaitVisible("#user-facts");
            assertEquals(
                    "1",
                    b.find("#user-facts dd[data-fact='Current streak (days)']").getText());
            assertEquals(
                    "1",
                    b.find("#user-facts dd[data-fact='Longest streak (days)']").getText());
            assertEquals(
                    "700", b.find("#user-facts dd[data-fact='Words written']").getText());
            // the chart covers the whole period, a bar a day (days without words are zero)
            assertEquals(
                    30,
                    b.driver.findElements(By.cssSelector("#daily-chart rect")).size(),
                    "bars of 30 days");
            new org.openqa.selenium.support.ui.Select(b.find("#period")).selectByValue("week");
            b.await(
                    30,
                    "a week's chart",
                    d -> d.findElements(By.cssSelector("#daily-chart rect")).size() == 7);
            assertEquals("period", b.js("return document.activeElement.id"), "the focus stays on the period");
            assertEquals(
                    "700 words",
                    b.find("#daily-chart rect:last-of-type title")
                                    .getAttribute("textContent")
                                    .replaceAll(".*: ", "") + " words");
            WebElement again = b.awaitVisible("article.goal[data-project-id='" + projectId + "'] dl");
            b.screenshot("14-stats");
            b.js("arguments[0].scrollIntoView()", again);
            b.screenshot("14b-stats-project-pace");

            // a phone: nothing wider than the screen
            b.driver.manage().window().setSize(new Dimension(375, 812));
            b.driver.navigate().refresh();
            b.awaitVisible("article.goal[data-project-id='" + projectId + "'] dl");
            b.awaitVisible("#user-facts");
            assertEquals(
                    Boolean.TRUE,
                    b.js("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "the stats page fits a 375 px screen");
            b.screenshot("15-stats-phone");
            b.open(Stack.gatewayUrl() + "/projects/" + projectId);
            awaitEditor(b);
            assertEquals(
                    Boolean.TRUE,
                    b.js("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "the editor fits a 375 px screen");
            b.screenshot("16-editor-phone");
            assertEquals(List.of(), b.consoleErrors(), "browser console errors");
        }
    }

    @Test
    void theResetLinkInTheMailChangesThePassword() {
        TestUsers.TestUser user = verifiedUser();
        String newPassword = "Another" + TestUsers.PASSWORD;
        try (Browser b = Browser.start(TestUsers.clientIp(user.email()))) {
            b.open(Stack.gatewayUrl() + "/signin");
            b.awaitVisible("#signin-form");
            b.find("a[href='/forgot-password']").click();
            b.awaitVisible("#forgot-form").findElement(By.id("email")).sendKeys(user.email());
            b.find("#forgot-form button[type=submit]").click();
            // the page is replaced under the driver: read it by script, never through a found element that may go stale
            b.await(
                    30,
                    "check your mail",
                    d -> String.valueOf(b.js("return document.querySelector('h1').textContent"))
                            .contains("Check your mail"));

            String path = await("reset mail for " + user.email())
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(
                            () -> Mailbox.messages(user.email()).stream()
                                    .map(m -> RESET_LINK.matcher(m.text().replace("&amp;", "&")))
                                    .filter(Matcher::find)
                                    .map(m -> m.group(1))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            b.open(Stack.gatewayUrl() + path);
            b.awaitVisible("#reset-form");
            b.find("#new-password").sendKeys(newPassword);
            b.find("#repeat-password").sendKeys(newPassword);
            b.screenshot("17-reset-password");
            b.find("#reset-form button[type=submit]").click();
            assertTrue(b.awaitVisible("#page-message").getText().contains("password is changed"));
            b.find("#email").sendKeys(user.email());
            b.find("#password").sendKeys(newPassword);
            b.find("#signin-form button[type=submit]").click();
            b.awaitVisible("#create-form");
            assertEquals(List.of(), b.consoleErrors(), "browser console errors");
        }
        assertEquals(401, TestUsers.login(user.email(), user.password()).statusCode(), "the old password is gone");
        assertEquals(200, TestUsers.login(user.email(), newPassword).statusCode(), "the new password works");
    }

    @Test
    void aConflictIsAClearChoice() {
        TestUsers.TestUser user = verifiedUser();
        String projectId = createProject(user.token(), "Two minds", 1000, "pine", "winter");
        Gateway.saveContent(user.token(), projectId, "The cat sat on the mat.", 0);
        try (Browser b = signedIn(user)) {
            // this device kept an edit of version 1 (written offline, the tab closed) ...
            b.js(
                    "localStorage.setItem(arguments[0], JSON.stringify({text: arguments[1], base: 1, at: Date.now()}))",
                    "wt.draft." + projectId,
                    "The bird sat on the mat.");
            // ... while another device changed the same words
            Gateway.saveContent(user.token(), projectId, "The dog sat on the mat.", 1);
            b.open(Stack.gatewayUrl() + "/projects/" + projectId);
            b.await(
                    30,
                    "conflict",
                    d -> "Changed elsewhere — choose which text to keep"
                            .equals(b.find("#save-status").getText()));
            assertEquals("The dog sat on the mat.", b.find("#their-text").getAttribute("value"));
            assertEquals("The bird sat on the mat.", b.find("#writing").getAttribute("value"));
            assertEquals(
                    "The dog sat on the mat.",
                    Gateway.storedContent(user.token(), projectId).text(),
                    "nothing is saved before the writer chooses");
            b.screenshot("18-conflict-choice");
            b.find("#keep-mine").click();
            b.await(30, "saved", d -> "Saved".equals(b.find("#save-status").getText()));
            assertEquals(
                    "The bird sat on the mat.",
                    Gateway.storedContent(user.token(), projectId).text());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Element names and attributes equal; numbers within 0.011 (Java's and JavaScript's rounding to 2 decimals). */
    private static void sameShape(int index, Map<String, String> server, Map<String, String> client) {
        String where = "shape " + index + ": server " + server + " client " + client;
        assertEquals(server.keySet(), client.keySet(), where);
        for (Map.Entry<String, String> e : server.entrySet()) {
            String a = e.getValue();
            String b = client.get(e.getKey());
            List<String> na = numbers(a);
            List<String> nb = numbers(b);
            assertEquals(a.replaceAll(NUMBER.pattern(), "#"), b.replaceAll(NUMBER.pattern(), "#"), where);
            assertEquals(na.size(), nb.size(), where);
            for (int i = 0; i < na.size(); i++) {
                double d = Math.abs(Double.parseDouble(na.get(i)) - Double.parseDouble(nb.get(i)));
                assertTrue(d < 0.011, where + " (" + e.getKey() + " differs by " + d + ")");
            }
        }
    }

    private static List<String> numbers(String value) {
        if (value.startsWith("#")) {
            return List.of(); // a colour
        }
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(value);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The painted shapes of an SVG text (the background rect, branches, circles, ellipses) and their attributes. */
    private static List<Map<String, String>> shapes(String svg) {
        List<Map<String, String>> shapes = new ArrayList<>();
        Matcher m = SHAPE.matcher(svg);
        while (m.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("element", m.group(1));
            Matcher a = ATTRIBUTE.matcher(m.group(2));
            while (a.find()) {
                if (!a.group(1).equals("class")) {
                    attributes.put(a.group(1), a.group(2));
                }
            }
            shapes.add(attributes);
        }
        return shapes;
    }

    private static String download(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "download of the exported tree");
        return r.body();
    }

    private static Boolean celebrated(String token, String projectId, String type) {
        var r = Gateway.api(token).get("/projects/{id}/stats", projectId);
        if (r.statusCode() != 200) {
            return null;
        }
        List<Map<String, Object>> milestones = r.jsonPath().getList("data.milestones");
        return milestones.stream()
                .filter(m -> type.equals(m.get("type")))
                .map(m -> (Boolean) m.get("celebrated"))
                .findFirst()
                .orElse(null);
    }

    private static String milestoneType(Object reached) {
        if (reached instanceof Map<?, ?> m) {
            return String.valueOf(m.get("type"));
        }
        return String.valueOf(reached);
    }

    private static String words(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append("word");
        }
        return sb.toString();
    }

    private static String createProject(String token, String title, int goal, String species, String season) {
        JsonPath j = expectSuccess(
                Gateway.createProjectRaw(
                        token, Map.of("title", title, "wordGoal", goal, "treeSpecies", species, "treeSeason", season)),
                201);
        return j.getString("data.id");
    }

    private static Browser signedIn(TestUsers.TestUser user) {
        Browser b = Browser.start(TestUsers.clientIp(user.email()));
        b.open(Stack.gatewayUrl() + "/signin");
        b.awaitVisible("#signin-form");
        b.find("#email").sendKeys(user.email());
        b.find("#password").sendKeys(user.password());
        b.find("#signin-form button[type=submit]").click();
        b.awaitVisible("#project-list");
        return b;
    }

    private static void awaitEditor(Browser b) {
        b.await(
                30,
                "editor ready",
                d -> b.find("#writing").isEnabled()
                        && "Saved".equals(b.find("#save-status").getText()));
    }

    private static TestUsers.TestUser verifiedUser() {
        TestUsers.TestUser user = TestUsers.register();
        String token = Mailbox.awaitVerificationToken(user.email(), Duration.ofSeconds(60));
        expectSuccess(Gateway.api().body(Map.of("token", token)).post("/auth/verify-email"), 200);
        return user;
    }
}
