package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.describe;
import static com.writerstree.systemtests.Http.expectError;
import static com.writerstree.systemtests.Http.expectSuccess;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.systemtests.TestUsers.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A project's life through the gateway (spec §4.3): update, archive (content-service learns it from
 * ProjectArchived and refuses saves), restore, permanent deletion with confirmation (content-service deletes the
 * content on ProjectDeleted), and the free tier's limit of 5 projects.
 */
class ProjectLifecycleIT {

    /** How long an event may take from project-service through Kafka to content-service. */
    private static final Duration PROPAGATION = Duration.ofSeconds(5);

    @Test
    @DisplayName("PATCH, archive (saves refused), restore (saves accepted), permanent delete with confirmation")
    void projectLifecycle() {
        TestUser user = TestUsers.register();
        String token = user.token();
        String id = Gateway.createProject(token, "Working Title", 50000);

        // PATCH changes the metadata
        Response patched = Gateway.api(token)
                .body(Map.of(
                        "title", "My Renamed Novel", "wordGoal", 60000, "treeSpecies", "maple", "treeSeason", "autumn"))
                .patch("/projects/{id}", id);
        JsonPath p = expectSuccess(patched, 200);
        assertEquals("Project updated successfully.", p.getString("message"), () -> describe(patched));
        assertEquals("My Renamed Novel", p.getString("data.title"), () -> describe(patched));
        assertEquals(60000, p.getInt("data.wordGoal"), () -> describe(patched));
        assertEquals("maple", p.getString("data.treeSpecies"), () -> describe(patched));
        assertEquals("autumn", p.getString("data.treeSeason"), () -> describe(patched));
        expectError(Gateway.api(token).body(Map.of()).patch("/projects/{id}", id), 400, "VALIDATION_ERROR");
        expectError(
                Gateway.api(token).body(Map.of("wordGoal", 999)).patch("/projects/{id}", id), 400, "VALIDATION_ERROR");
        Gateway.saveContent(token, id, "One two three.", 0);

        // archive: listed only under status=archived; content-service refuses saves once it knows
        Response archived = Gateway.api(token).delete("/projects/{id}", id);
        assertEquals(
                "Project archived successfully.",
                expectSuccess(archived, 200).getString("message"),
                () -> describe(archived));
        assertTrue(Gateway.listedProject(token, id).isEmpty(), "archived projects are hidden from the default list");
        Response archivedList =
                Gateway.api(token).queryParam("status", "archived").get("/projects");
        assertEquals(
                List.of(id),
                expectSuccess(archivedList, 200).getList("data.projects.id"),
                () -> describe(archivedList));
        // (awaited on content-service's replica: a save that slipped in before would change the content)
        await("content-service learns of the archive")
                .atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "archived".equals(replicaStatus(id)));
        expectError(Gateway.saveContentRaw(token, id, "One two three four.", 1, null), 409, "PROJECT_ARCHIVED");
        expectError(
                Gateway.api(token).body(Map.of("title", "Edited")).patch("/projects/{id}", id),
                409,
                "PROJECT_ARCHIVED");

        // restore: saves work again once content-service knows
        Response restored = Gateway.api(token).post("/projects/{id}/restore", id);
        JsonPath r = expectSuccess(restored, 200);
        assertEquals("Project restored successfully.", r.getString("message"), () -> describe(restored));
        assertEquals("active", r.getString("data.status"), () -> describe(restored));
        AtomicReference<Response> save = new AtomicReference<>();
        await("content-service accepts saves to the restored project")
                .atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    save.set(Gateway.saveContentRaw(token, id, "One two three four.", 1, null));
                    return save.get().statusCode() != 409;
                });
        assertEquals(2, expectSuccess(save.get(), 200).getInt("data.version"), () -> describe(save.get()));
        assertEquals(1, contentRows(id), "content is stored");

        // permanent deletion needs the project id as confirmation
        Response unconfirmed = Gateway.api(token).queryParam("permanent", true).delete("/projects/{id}", id);
        JsonPath u = expectError(unconfirmed, 400, "VALIDATION_ERROR");
        assertTrue(u.getString("error.message").contains("confirm="), () -> describe(unconfirmed));
        assertEquals(200, Gateway.getProject(token, id).statusCode(), "an unconfirmed deletion deletes nothing");

        Response deleted = Gateway.api(token)
                .queryParam("permanent", true)
                .queryParam("confirm", id)
                .delete("/projects/{id}", id);
        assertEquals(
                "Project deleted permanently.",
                expectSuccess(deleted, 200).getString("message"),
                () -> describe(deleted));
        expectError(Gateway.getProject(token, id), 404, "NOT_FOUND");
        await("content-service deletes the project's content")
                .atMost(PROPAGATION)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> contentRows(id) == 0);
        assertEquals(
                0,
                Database.queryLong(
                        "SELECT count(*) FROM content.version_history WHERE project_id = ?", UUID.fromString(id)),
                "version history deleted too");
        expectError(Gateway.api(token).get("/projects/{id}/content", id), 404, "NOT_FOUND");
    }

    @Test
    @DisplayName("a free user's 6th project is 403 MAX_PROJECTS_REACHED; archiving one makes room")
    void freeTierIsLimitedToFiveProjects() {
        TestUser user = TestUsers.register();
        String token = user.token();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(Gateway.createProject(token, "Book " + i, null));
        }

        Response sixth = Gateway.createProjectRaw(token, Map.of("title", "Book 6"));
        JsonPath j = expectError(sixth, 403, "MAX_PROJECTS_REACHED");
        assertEquals("Free tier limited to 5 projects", j.getString("error.message"), () -> describe(sixth));
        assertEquals(5, Gateway.projectTotal(token));

        expectSuccess(Gateway.api(token).delete("/projects/{id}", ids.get(0)), 200);
        String replacement = Gateway.createProject(token, "Book 6", null);
        assertFalse(ids.contains(replacement));
        // the archived one cannot come back while five are in use
        expectError(Gateway.api(token).post("/projects/{id}/restore", ids.get(0)), 403, "MAX_PROJECTS_REACHED");
    }

    @Test
    @DisplayName("PATCH, DELETE and restore of someone else's project are 404 like an unknown one (issue #8)")
    void forbidsOtherUsersAndUnknownProjects() {
        TestUser owner = TestUsers.register();
        TestUser other = TestUsers.register();
        String id = Gateway.createProject(owner.token(), "Private", null);
        String unknown = UUID.randomUUID().toString();

        expectError(
                Gateway.api(other.token()).body(Map.of("title", "Mine")).patch("/projects/{id}", id), 404, "NOT_FOUND");
        expectError(Gateway.api(other.token()).delete("/projects/{id}", id), 404, "NOT_FOUND");
        expectError(
                Gateway.api(other.token())
                        .queryParam("permanent", true)
                        .queryParam("confirm", id)
                        .delete("/projects/{id}", id),
                404,
                "NOT_FOUND");
        expectError(Gateway.api(other.token()).post("/projects/{id}/restore", id), 404, "NOT_FOUND");
        assertEquals(
                "active",
                expectSuccess(Gateway.getProject(owner.token(), id), 200).getString("data.project.status"));

        expectError(
                Gateway.api(owner.token()).body(Map.of("title", "x")).patch("/projects/{id}", unknown),
                404,
                "NOT_FOUND");
        expectError(Gateway.api(owner.token()).delete("/projects/{id}", unknown), 404, "NOT_FOUND");
        expectError(Gateway.api(owner.token()).post("/projects/{id}/restore", unknown), 404, "NOT_FOUND");
    }

    /** content-service's knowledge of the project's status (its replica, fed by project-events). */
    private static String replicaStatus(String projectId) {
        List<String> status = Database.queryStrings(
                "SELECT status FROM content.project_replicas WHERE project_id = ?", UUID.fromString(projectId));
        return status.isEmpty() ? null : status.get(0);
    }

    private static long contentRows(String projectId) {
        return Database.queryLong(
                "SELECT count(*) FROM content.project_content WHERE project_id = ?", UUID.fromString(projectId));
    }
}
