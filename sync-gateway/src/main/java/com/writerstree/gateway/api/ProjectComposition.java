package com.writerstree.gateway.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The composition rule of {@code GET /projects/{id}} (pure: no I/O). project-service decides whether the
 * caller may see the project; content-service adds the text and milestones when it can.
 *
 * <ul>
 *   <li>project-service answers anything but 200: its status and body go back unchanged (403/404 envelopes).</li>
 *   <li>content-service answers 200: {@code data = {project, content, milestones}}.</li>
 *   <li>content-service answers another 4xx (403/404/401): its status and body go back (it knows better).</li>
 *   <li>content-service answers 5xx, garbage, or is unreachable: 200 with {@code content: null},
 *       {@code milestones: []} and a {@code CONTENT_UNAVAILABLE} warning.</li>
 * </ul>
 */
public final class ProjectComposition {

    public static final String WARNING_CODE = "CONTENT_UNAVAILABLE";
    public static final String WARNING_MESSAGE =
            "Content is temporarily unavailable; showing the project without its text.";

    /** A service's answer: status and raw body. */
    public record Reply(int status, String body) {}

    /** What the gateway answers; {@code degraded} when the content part is missing. */
    public record Outcome(int status, String body, boolean degraded) {}

    private ProjectComposition() {}

    /**
     * @param project project-service's answer
     * @param content content-service's answer, empty when it could not be reached in time
     */
    public static Outcome compose(Reply project, Optional<Reply> content) {
        if (project.status() != 200) {
            return new Outcome(project.status(), project.body(), false);
        }
        Object projectData = dataField(project.body(), "project");
        if (projectData == null) {
            throw new IllegalStateException("project-service answered 200 without data.project");
        }
        if (content.isPresent()
                && content.get().status() >= 400
                && content.get().status() < 500) {
            return new Outcome(content.get().status(), content.get().body(), false);
        }
        JsonObject data = new JsonObject().put("project", projectData);
        Object text = content.filter(c -> c.status() == 200)
                .map(c -> dataField(c.body(), "content"))
                .orElse(null);
        if (text != null) {
            Object milestones = dataField(content.get().body(), "milestones");
            data.put("content", text).put("milestones", milestones == null ? new JsonArray() : milestones);
            return new Outcome(200, envelope(data), false);
        }
        data.putNull("content")
                .put("milestones", new JsonArray())
                .put(
                        "warnings",
                        new JsonArray()
                                .add(new JsonObject().put("code", WARNING_CODE).put("message", WARNING_MESSAGE)));
        return new Outcome(200, envelope(data), true);
    }

    private static String envelope(JsonObject data) {
        return new JsonObject().put("success", true).put("data", data).encode();
    }

    private static Object dataField(String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonObject data = new JsonObject(body).getJsonObject("data");
            return data == null ? null : data.getValue(field);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
