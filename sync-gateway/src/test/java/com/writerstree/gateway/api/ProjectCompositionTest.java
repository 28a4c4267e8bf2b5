package com.writerstree.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.gateway.api.ProjectComposition.Outcome;
import com.writerstree.gateway.api.ProjectComposition.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectCompositionTest {

    private static final JsonObject PROJECT =
            new JsonObject().put("id", "p-1").put("title", "My First Novel").put("wordGoal", 50000);
    private static final JsonObject CONTENT = new JsonObject()
            .put("text", "It was a dark and stormy night")
            .put("version", 42)
            .put("wordCount", 7)
            .put("lastSavedAt", "2026-01-25T14:30:00Z");
    private static final JsonArray MILESTONES =
            new JsonArray().add(new JsonObject().put("type", "25_percent").put("wordCount", 12500));

    private static final Reply PROJECT_OK = ok(new JsonObject().put("project", PROJECT));
    private static final Reply CONTENT_OK =
            ok(new JsonObject().put("content", CONTENT).put("milestones", MILESTONES));

    @Test
    void composesProjectContentAndMilestones() {
        Outcome outcome = ProjectComposition.compose(PROJECT_OK, Optional.of(CONTENT_OK));

        assertEquals(200, outcome.status());
        assertFalse(outcome.degraded());
        JsonObject body = new JsonObject(outcome.body());
        assertTrue(body.getBoolean("success"));
        JsonObject data = body.getJsonObject("data");
        assertEquals(PROJECT, data.getJsonObject("project"));
        assertEquals(CONTENT, data.getJsonObject("content"));
        assertEquals(MILESTONES, data.getJsonArray("milestones"));
        assertFalse(data.containsKey("warnings"));
    }

    @Test
    void projectRefusalIsPassedOnUnchanged() {
        String forbidden = "{\"success\":false,\"error\":{\"code\":\"FORBIDDEN\"}}";
        Outcome outcome = ProjectComposition.compose(new Reply(403, forbidden), Optional.of(CONTENT_OK));
        assertEquals(new Outcome(403, forbidden, false), outcome);

        String missing = "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\"}}";
        assertEquals(
                new Outcome(404, missing, false),
                ProjectComposition.compose(new Reply(404, missing), Optional.empty()));
    }

    @Test
    void contentRefusalWinsOverProjectSuccess() {
        String missing = "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\"}}";
        assertEquals(
                new Outcome(404, missing, false),
                ProjectComposition.compose(PROJECT_OK, Optional.of(new Reply(404, missing))));
    }

    @Test
    void unreachableContentDegradesWithAWarning() {
        assertDegraded(ProjectComposition.compose(PROJECT_OK, Optional.empty()));
    }

    @Test
    void failingOrGarbledContentDegradesWithAWarning() {
        assertDegraded(ProjectComposition.compose(PROJECT_OK, Optional.of(new Reply(503, "{}"))));
        assertDegraded(ProjectComposition.compose(PROJECT_OK, Optional.of(new Reply(500, ""))));
        assertDegraded(ProjectComposition.compose(PROJECT_OK, Optional.of(new Reply(200, "<html>"))));
    }

    @Test
    void missingMilestonesBecomeAnEmptyList() {
        Outcome outcome =
                ProjectComposition.compose(PROJECT_OK, Optional.of(ok(new JsonObject().put("content", CONTENT))));
        assertEquals(
                new JsonArray(),
                new JsonObject(outcome.body()).getJsonObject("data").getJsonArray("milestones"));
    }

    private static void assertDegraded(Outcome outcome) {
        assertEquals(200, outcome.status());
        assertTrue(outcome.degraded());
        JsonObject data = new JsonObject(outcome.body()).getJsonObject("data");
        assertEquals(PROJECT, data.getJsonObject("project"));
        assertTrue(data.containsKey("content"));
        assertNull(data.getValue("content"));
        assertEquals(new JsonArray(), data.getJsonArray("milestones"));
        JsonObject warning = data.getJsonArray("warnings").getJsonObject(0);
        assertEquals("CONTENT_UNAVAILABLE", warning.getString("code"));
        assertEquals(
                "Content is temporarily unavailable; showing the project without its text.",
                warning.getString("message"));
    }

    private static Reply ok(JsonObject data) {
        return new Reply(
                200, new JsonObject().put("success", true).put("data", data).encode());
    }
}
