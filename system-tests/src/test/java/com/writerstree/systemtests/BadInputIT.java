package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.describe;
import static com.writerstree.systemtests.Http.expectError;
import static com.writerstree.systemtests.Http.expectStatus;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.writerstree.systemtests.Gateway.StoredContent;
import com.writerstree.systemtests.TestUsers.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends wrong is answered with the §7.1 envelope (400/409/413), the request id is
 * traceable, and a rejected request changes nothing that is stored.
 */
class BadInputIT {

    private static final String BASELINE = "baseline words here";

    private TestUser user;
    private String projectId;
    private Snapshot before;

    /** What the user can see of their data; compared after every rejected request. */
    private record Snapshot(StoredContent content, Map<String, Object> listed, int total) {}

    @BeforeEach
    void userWithOneSavedProject() {
        user = TestUsers.register();
        projectId = Gateway.createProject(user.token(), "Baseline", 2000);
        Gateway.saveContent(user.token(), projectId, BASELINE, 0);
        await("baseline save reaches the project list")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Gateway.listedWordCount(user.token(), projectId) == 3);
        before = snapshot();
        assertEquals(new StoredContent(BASELINE, 1, 3), before.content());
    }

    private Snapshot snapshot() {
        return new Snapshot(
                Gateway.storedContent(user.token(), projectId),
                Gateway.listedProject(user.token(), projectId).orElseThrow(),
                Gateway.projectTotal(user.token()));
    }

    private void assertNothingChanged(String after) {
        assertEquals(before, snapshot(), "stored data changed after " + after);
    }

    private Response postProjectJson(String json) {
        return Gateway.api(user.token()).body(json).post("/projects");
    }

    private Response putContentJson(String json) {
        return Gateway.api(user.token()).body(json).put("/projects/{id}/content", projectId);
    }

    @Test
    @DisplayName("malformed JSON is 400 VALIDATION_ERROR")
    void malformedJson() {
        expectError(postProjectJson("{\"title\": \"Broken\", "), 400, "VALIDATION_ERROR");
        assertNothingChanged("malformed POST /projects");

        expectError(putContentJson("{\"content\": \"half a body"), 400, "VALIDATION_ERROR");
        assertNothingChanged("malformed PUT content");

        expectError(putContentJson("not json at all"), 400, "VALIDATION_ERROR");
        assertNothingChanged("non-JSON PUT content");
    }

    @Test
    @DisplayName("missing required fields and blank titles are 400 VALIDATION_ERROR")
    void missingAndBlankFields() {
        // every field of POST /projects is optional (defaults apply), but a title that is given may not be blank
        for (String body : List.of("{\"title\": \"\"}", "{\"title\": \"   \"}", "{\"title\": \"\\t\\n\"}")) {
            JsonPath j = expectError(postProjectJson(body), 400, "VALIDATION_ERROR");
            assertNotNull(j.getString("error.message"), body);
            assertNothingChanged("POST /projects " + body);
        }
        // the content is required in a save
        for (String body : List.of("{}", "{\"version\": 1}", "{\"content\": null, \"version\": 1}")) {
            expectError(putContentJson(body), 400, "VALIDATION_ERROR");
            assertNothingChanged("PUT content " + body);
        }
        // and the token in an email verification
        expectError(Gateway.api().body("{}").post("/auth/verify-email"), 400, "VALIDATION_ERROR");
        expectError(Gateway.api().body("{\"token\": \"\"}").post("/auth/verify-email"), 400, "VALIDATION_ERROR");
    }

    @Test
    @DisplayName("wrong types and unknown enum values are 400 VALIDATION_ERROR, never coerced")
    void wrongTypes() {
        for (String body : List.of(
                "{\"title\": \"Typed\", \"wordGoal\": \"abc\"}",
                "{\"title\": \"Typed\", \"wordGoal\": 1500.5}",
                "{\"title\": \"Typed\", \"wordGoal\": true}",
                "{\"title\": 42}",
                "{\"title\": \"Typed\", \"treeSpecies\": \"baobab\"}",
                "{\"title\": \"Typed\", \"treeSeason\": \"monsoon\"}")) {
            expectError(postProjectJson(body), 400, "VALIDATION_ERROR");
            assertNothingChanged("POST /projects " + body);
        }
        for (String body : List.of(
                "{\"content\": 42, \"version\": 1}",
                "{\"content\": \"typed words\", \"version\": \"two\"}",
                "{\"content\": \"typed words\", \"version\": 1.5}",
                "{\"content\": \"typed words\", \"version\": 1, \"wordCount\": \"many\"}")) {
            expectError(putContentJson(body), 400, "VALIDATION_ERROR");
            assertNothingChanged("PUT content " + body);
        }
    }

    @Test
    @DisplayName("the error's requestId is the X-Request-Id header; a client-supplied id is echoed")
    void requestIds() {
        Response supplied = Gateway.api(user.token())
                .header(Http.REQUEST_ID, "it-abc-123")
                .body("{\"title\": \"Typed\", \"wordGoal\": \"abc\"}")
                .post("/projects");
        JsonPath j = expectError(supplied, 400, "VALIDATION_ERROR");
        assertEquals("it-abc-123", j.getString("error.requestId"), () -> describe(supplied));
        assertEquals("it-abc-123", supplied.header(Http.REQUEST_ID), () -> describe(supplied));

        Response generated = postProjectJson("{\"title\": 42}");
        expectError(generated, 400, "VALIDATION_ERROR"); // asserts header == error.requestId

        Response ok =
                Gateway.api(user.token()).header(Http.REQUEST_ID, "it-abc-123").get("/projects");
        expectStatus(ok, 200);
        assertEquals("it-abc-123", ok.header(Http.REQUEST_ID), "successful responses echo the id too");
        assertNothingChanged("requests with request ids");
    }

    @Test
    @DisplayName("registration: weak password and bad email are 400, nothing is stored")
    void registrationValidation() {
        String email = TestUsers.newEmail();

        expectError(TestUsers.registerRaw(email, "weak", null), 400, "VALIDATION_ERROR", "WEAK_PASSWORD");
        expectError(TestUsers.registerRaw(email, "alllowercase1", null), 400, "VALIDATION_ERROR", "WEAK_PASSWORD");
        expectError(TestUsers.registerRaw(email, null, null), 400, "VALIDATION_ERROR", "WEAK_PASSWORD");
        expectError(
                TestUsers.registerRaw("not-an-email", TestUsers.PASSWORD, null),
                400,
                "VALIDATION_ERROR",
                "INVALID_EMAIL");
        expectError(TestUsers.registerRaw(null, TestUsers.PASSWORD, null), 400, "VALIDATION_ERROR", "INVALID_EMAIL");
        expectError(Gateway.api().body("{\"email\": ").post("/auth/register"), 400, "VALIDATION_ERROR");

        // none of the rejected attempts created the account: the address is still free
        TestUser registered = TestUsers.register(email);
        assertEquals(email, registered.email());
    }

    @Test
    @DisplayName("registration with an existing email is 409 and leaves the existing account untouched")
    void duplicateEmail() {
        Response dup = TestUsers.registerRaw(user.email(), "OtherPass456!", "Impostor");

        expectError(dup, 409, "ALREADY_EXISTS");
        // the original password still identifies the (unverified) account: 403, not 401
        expectError(TestUsers.login(user.email(), user.password()), 403, "EMAIL_NOT_VERIFIED");
        expectError(TestUsers.login(user.email(), "OtherPass456!"), 401, "INVALID_CREDENTIALS");
        assertNothingChanged("duplicate registration");
    }

    @Test
    @DisplayName("content over 5 MiB is 413 PAYLOAD_TOO_LARGE and is not stored")
    void oversizedContent() {
        String huge = "word ".repeat((5 * 1024 * 1024) / 5 + 1024); // 5 MiB + 5 KiB of text
        String body = "{\"content\":\"" + huge + "\",\"version\":1}";

        // Expect: 100-continue lets the server refuse before the body is sent (no broken pipe on early close)
        Response r = Gateway.api(user.token())
                .header("Expect", "100-continue")
                .body(body)
                .put("/projects/{id}/content", projectId);

        expectError(r, 413, "PAYLOAD_TOO_LARGE");
        assertNothingChanged("oversized PUT content");
    }
}
