package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.describe;
import static com.writerstree.systemtests.Http.expectError;
import static com.writerstree.systemtests.Http.expectSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.systemtests.TestUsers.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The spec's §11.2 "Projects API" scenarios, through the gateway, plus routing through both prefixes. */
class ProjectsIT {

    @Test
    @DisplayName("POST /api/v1/projects creates a project (201) with a tree seed and the requested goal")
    void createsProject() {
        TestUser user = TestUsers.register();

        Response r = Gateway.createProjectRaw(
                user.token(), Map.of("title", "My Test Novel", "wordGoal", 50000, "treeSpecies", "oak"));

        JsonPath j = expectSuccess(r, 201);
        assertEquals("My Test Novel", j.getString("data.title"), () -> describe(r));
        assertEquals(50000, j.getInt("data.wordGoal"), () -> describe(r));
        assertEquals("oak", j.getString("data.treeSpecies"), () -> describe(r));
        assertEquals(0, j.getInt("data.currentWordCount"), () -> describe(r));
        assertEquals("active", j.getString("data.status"), () -> describe(r));
        String seed = j.getString("data.treeSeed");
        assertNotNull(seed, () -> "treeSeed missing: " + describe(r));
        assertFalse(seed.isBlank(), () -> describe(r));
        UUID.fromString(j.getString("data.id"));
    }

    @Test
    @DisplayName("POST /v1/projects (the production prefix) creates a project too")
    void createsProjectThroughV1Prefix() {
        TestUser user = TestUsers.register();

        Response r = Gateway.v1(user.token())
                .body(Map.of("title", "Through v1", "wordGoal", 50000))
                .post("/projects");

        JsonPath j = expectSuccess(r, 201);
        assertEquals("Through v1", j.getString("data.title"), () -> describe(r));
        assertNotNull(j.getString("data.treeSeed"), () -> describe(r));
        Response read = Gateway.v1(user.token()).get("/projects/{id}", j.getString("data.id"));
        assertEquals("Through v1", expectSuccess(read, 200).getString("data.project.title"), () -> describe(read));
    }

    @Test
    @DisplayName("POST /projects without credentials is 401, with a bad token too")
    void rejectsUnauthenticated() {
        Response anonymous = Gateway.api().body(Map.of("title", "Test")).post("/projects");
        expectError(anonymous, 401, "AUTHENTICATION_REQUIRED");

        Response badToken =
                Gateway.api("not-a-jwt").body(Map.of("title", "Test")).post("/projects");
        expectError(badToken, 401, "INVALID_TOKEN");
    }

    @Test
    @DisplayName("wordGoal below 1,000 is 400 VALIDATION_ERROR and creates nothing")
    void validatesWordGoalMinimum() {
        TestUser user = TestUsers.register();

        Response r = Gateway.createProjectRaw(user.token(), Map.of("title", "Invalid Project", "wordGoal", 500));

        expectError(r, 400, "VALIDATION_ERROR");
        assertEquals(0, Gateway.projectTotal(user.token()), "a rejected project must not be stored");
    }

    @Test
    @DisplayName("GET /projects/{id} returns the project and its (empty) content")
    void returnsProjectWithContent() {
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Test Project", null);

        Response r = Gateway.getProject(user.token(), projectId);

        JsonPath j = expectSuccess(r, 200);
        assertEquals(projectId, j.getString("data.project.id"), () -> describe(r));
        assertEquals("Test Project", j.getString("data.project.title"), () -> describe(r));
        assertEquals(50000, j.getInt("data.project.wordGoal"), () -> "default goal: " + describe(r));
        assertNotNull(j.get("data.content"), () -> "data.content must be defined: " + describe(r));
        assertEquals(0, j.getInt("data.content.version"), () -> describe(r));
        assertEquals("", j.getString("data.content.text"), () -> describe(r));
        assertEquals(0, j.getInt("data.content.wordCount"), () -> describe(r));
        assertNotNull(j.getList("data.milestones"), () -> "data.milestones must be a list: " + describe(r));
    }

    @Test
    @DisplayName("another user's project is 404 NOT_FOUND, like an unknown one (issue #8)")
    void forbidsOtherUsersProject() {
        TestUser owner = TestUsers.register();
        TestUser other = TestUsers.register();
        String projectId = Gateway.createProject(owner.token(), "Private Project", null);

        expectError(Gateway.getProject(other.token(), projectId), 404, "NOT_FOUND");
        assertTrue(Gateway.listedProject(other.token(), projectId).isEmpty(), "not listed for another user");
    }

    @Test
    @DisplayName("an unknown project id is 404 NOT_FOUND")
    void unknownProjectIsNotFound() {
        TestUser user = TestUsers.register();

        expectError(Gateway.getProject(user.token(), UUID.randomUUID().toString()), 404, "NOT_FOUND");
    }

    @Test
    @DisplayName("an unknown route is 404 in the error envelope")
    void unknownRouteIsNotFound() {
        TestUser user = TestUsers.register();

        expectError(Gateway.api(user.token()).get("/no-such-route"), 404, "NOT_FOUND");
        expectError(
                Gateway.api(user.token()).get("/projects/" + UUID.randomUUID() + "/no-such-thing"), 404, "NOT_FOUND");
    }
}
