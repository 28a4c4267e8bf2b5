package com.writerstree.systemtests;

import static com.writerstree.systemtests.Http.describe;
import static com.writerstree.systemtests.Http.expectError;
import static com.writerstree.systemtests.Http.expectSuccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.systemtests.TestUsers.TestUser;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Content history through the gateway (spec §4.4, §5.3): two devices saving from the same base version (merged
 * when their edits do not overlap, 409 with the server's text when they do), delta saves, the version list,
 * manual snapshots and restoring one.
 */
class ContentHistoryIT {

    private static final String BASE =
            "Chapter one\n\nIt was a dark night and the rain fell.\n\n" + "She waited by the window.\n\nThe end.";

    @Test
    @DisplayName("two devices on the same base: non-overlapping edits are both kept, overlapping ones answer 409")
    void twoDevicesFromTheSameBase() {
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Two Devices Merge", 5000);
        Gateway.saveContent(user.token(), projectId, BASE, 0);

        // device A (base 1) edits the second paragraph
        String deviceA = BASE.replace("dark night", "dark and stormy night");
        Gateway.saveContent(user.token(), projectId, deviceA, 1);
        // device B, still on base 1, edits the third paragraph: three-way merged
        String deviceB = BASE.replace("by the window", "by the open window");
        Response merged = Gateway.saveContentRaw(user.token(), projectId, deviceB, 1, null);
        JsonPath m = expectSuccess(merged, 200);
        String expected =
                BASE.replace("dark night", "dark and stormy night").replace("by the window", "by the open window");
        assertEquals(3, m.getInt("data.version"), () -> describe(merged));
        assertTrue(m.getBoolean("data.merged"), () -> describe(merged));
        assertEquals(expected, m.getString("data.content"), () -> describe(merged));
        Gateway.StoredContent stored = Gateway.storedContent(user.token(), projectId);
        assertEquals(expected, stored.text());
        assertEquals(3, stored.version());

        // device C, on base 1 as well, rewrites the words device A changed: conflict, nothing stored
        Response conflict =
                Gateway.saveContentRaw(user.token(), projectId, BASE.replace("dark night", "cold day"), 1, null);
        JsonPath c = expectError(conflict, 409, "VERSION_CONFLICT");
        assertEquals(3, c.getInt("error.details.serverVersion"), () -> describe(conflict));
        assertEquals(1, c.getInt("error.details.clientVersion"), () -> describe(conflict));
        assertEquals(expected, c.getString("error.details.serverContent"), () -> describe(conflict));
        assertEquals(3, Gateway.storedContent(user.token(), projectId).version());
    }

    @Test
    @DisplayName("a delta save (patch against its base version) stores the same text as the full save would")
    void deltaSave() {
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Delta Saves", 5000);
        Gateway.saveContent(user.token(), projectId, BASE, 0);
        int at = BASE.indexOf("The end."); // ASCII text: UTF-16 code units = chars
        List<Map<String, Object>> patch = List.of(
                Map.of("op", "retain", "n", at),
                Map.of("op", "delete", "n", 8),
                Map.of("op", "insert", "text", "To be continued."));
        Response r = Gateway.api(user.token())
                .body(Map.of("patch", patch, "version", 1))
                .put("/projects/{id}/content", projectId);
        JsonPath j = expectSuccess(r, 200);
        assertEquals(2, j.getInt("data.version"), () -> describe(r));
        assertFalse(j.getBoolean("data.merged"), () -> describe(r));
        assertEquals(
                BASE.replace("The end.", "To be continued."),
                Gateway.storedContent(user.token(), projectId).text());

        Response bad = Gateway.api(user.token())
                .body(Map.of("patch", List.of(Map.of("op", "retain", "n", 100_000)), "version", 2))
                .put("/projects/{id}/content", projectId);
        expectError(bad, 400, "VALIDATION_ERROR");
        assertEquals(2, Gateway.storedContent(user.token(), projectId).version());
    }

    @Test
    @DisplayName("versions: a manual snapshot is listed, read back and restored as a new version")
    void versionsListAndRestore() {
        TestUser user = TestUsers.register();
        String projectId = Gateway.createProject(user.token(), "Versions", 5000);
        Gateway.saveContent(user.token(), projectId, BASE, 0);

        Response snap = Gateway.api(user.token())
                .body(Map.of("label", "first draft"))
                .post("/projects/{id}/versions", projectId);
        JsonPath s = expectSuccess(snap, 201);
        String snapshotId = s.getString("data.version.id");
        assertEquals("manual", s.getString("data.version.snapshotType"), () -> describe(snap));
        assertEquals(1, s.getInt("data.version.versionNumber"), () -> describe(snap));

        Gateway.saveContent(user.token(), projectId, "Everything rewritten.", 1);

        Response list = Gateway.api(user.token()).get("/projects/{id}/versions", projectId);
        JsonPath l = expectSuccess(list, 200);
        assertEquals(snapshotId, l.getString("data.versions[0].id"), () -> describe(list));
        assertEquals("first draft", l.getString("data.versions[0].metadata.label"), () -> describe(list));

        Response one = Gateway.api(user.token()).get("/projects/{id}/versions/{v}", projectId, snapshotId);
        assertEquals(BASE, expectSuccess(one, 200).getString("data.version.content"), () -> describe(one));

        Response restore = Gateway.api(user.token()).post("/projects/{id}/versions/{v}/restore", projectId, snapshotId);
        JsonPath r = expectSuccess(restore, 200);
        assertEquals("Version restored successfully.", r.getString("message"), () -> describe(restore));
        assertEquals(3, r.getInt("data.currentVersion"), () -> describe(restore));
        Gateway.StoredContent stored = Gateway.storedContent(user.token(), projectId);
        assertEquals(BASE, stored.text());
        assertEquals(3, stored.version());
        assertEquals(r.getInt("data.wordCount"), stored.wordCount());

        Response unknown = Gateway.api(user.token())
                .get(
                        "/projects/{id}/versions/{v}",
                        projectId,
                        java.util.UUID.randomUUID().toString());
        expectError(unknown, 404, "NOT_FOUND");
        TestUser stranger = TestUsers.register();
        expectError(Gateway.api(stranger.token()).get("/projects/{id}/versions", projectId), 404, "NOT_FOUND");
    }
}
