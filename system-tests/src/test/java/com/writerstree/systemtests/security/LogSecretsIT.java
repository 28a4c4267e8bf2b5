package com.writerstree.systemtests.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.systemtests.Gateway;
import com.writerstree.systemtests.Http;
import com.writerstree.systemtests.Stack;
import com.writerstree.systemtests.TestUsers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #8: no password, token or manuscript text reaches the logs. Drives a whole writer's session with secrets
 * of its own (register, a wrong and a right sign-in, a save, a snapshot, a refused save that carries the text, a
 * direct call to a service, logout), then scans every log file of the stack ({@code deploy/stack.sh} writes them to
 * {@code <repo>/.run/logs/<stack>/}, {@code -Dwt.log.dir}) for them. Independent of the other tests' order.
 */
@Tag("security")
class LogSecretsIT {

    @Test
    void aWholeSessionLeavesNoPasswordTokenOrManuscriptTextInTheLogs() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String password = "Logpw-" + tag + "-Q7";
        String wrongPassword = "Wrongpw-" + tag + "-Q7";
        String manuscript = "Manuscript " + tag + " it was a dark and stormy night";
        String email = "logscan-" + tag + "@example.com";

        Response registered = TestUsers.registerRaw(email, password, "Log Scanner");
        String token = Http.expectSuccess(registered, 201).getString("data.token");
        String userId = registered.jsonPath().getString("data.userId");
        Http.expectStatus(TestUsers.login(email, wrongPassword), 401);
        Http.expectStatus(TestUsers.login(email, password), 403); // right password, email not verified yet
        String project = Gateway.createProject(token, "Log scan", 50000);
        Http.expectSuccess(Gateway.saveContent(token, project, manuscript, 0), 200);
        Http.expectStatus(
                Gateway.api(token).body(Map.of("label", "snapshot " + tag)).post("/projects/" + project + "/versions"),
                201);
        // a refused save still carries the text: it must not be logged either
        Response refused = Gateway.api(token)
                .contentType(ContentType.JSON)
                .body("{\"content\":\"" + manuscript + " more\",\"version\":\"one\"}")
                .put("/projects/" + project + "/content");
        Http.expectStatus(refused, 400);
        Http.expectStatus(SecurityMatrixIT.direct("content", token).get("/projects/" + project + "/content"), 200);
        Http.expectStatus(Gateway.api(token).body("{}").post("/auth/logout"), 200);
        Thread.sleep(2000); // let asynchronous log lines (mail, relays) reach the files

        Path dir = Path.of(System.getProperty(
                "wt.log.dir",
                Stack.repoRoot()
                        .resolve(".run/logs/" + System.getProperty("wt.stack", "it"))
                        .toString()));
        assertTrue(Files.isDirectory(dir), "no log directory " + dir + " (set -Dwt.log.dir)");
        String signature = token.substring(token.lastIndexOf('.') + 1);
        Map<String, String> secrets = Map.of(
                "password", password,
                "wrong password", wrongPassword,
                "token", token,
                "token signature", signature,
                "manuscript text", manuscript);
        List<String> found = new ArrayList<>();
        boolean sawThisSession = false;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String log = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                sawThisSession |= log.contains(userId);
                secrets.forEach((what, secret) -> {
                    if (log.contains(secret)) {
                        found.add(what + " in " + file.getFileName());
                    }
                });
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(found.isEmpty(), "secrets in the logs: " + found);
        // the scan read the right files: identity logged this user's id (ids are fine, secrets are not)
        assertTrue(sawThisSession, "no log line of this session in " + dir);
    }
}
