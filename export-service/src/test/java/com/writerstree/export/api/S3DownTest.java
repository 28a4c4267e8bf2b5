package com.writerstree.export.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** S3 unreachable (nothing listens on its port): 503 EXTERNAL_SERVICE_ERROR and no export recorded or announced. */
@QuarkusTest
@TestProfile(S3DownTest.NoS3.class)
@QuarkusTestResource(UpstreamStub.class)
class S3DownTest {

    public static class NoS3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.s3.endpoint-override", "http://127.0.0.1:9", "quarkus.s3.api-call-timeout", "5s");
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void anExportAnswers503AndLeavesNoRecord() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UpstreamStub.project(
                new UpstreamStub.Project(project, user, "Unsaved", 50_000, 1, "s", "oak", "summer"),
                "Some words.",
                2,
                List.of());
        for (Map<String, Object> body :
                List.of(Map.<String, Object>of("format", "pdf"), Map.<String, Object>of("format", "txt"))) {
            given().auth()
                    .oauth2(TestTokens.forUser(user))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/projects/{id}/export", project)
                    .then()
                    .statusCode(503)
                    .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"));
        }
        given().auth()
                .oauth2(TestTokens.forUser(user))
                .contentType(ContentType.JSON)
                .body(Map.of("format", "svg"))
                .post("/projects/{id}/export-tree", project)
                .then()
                .statusCode(503)
                .body("error.code", equalTo("EXTERNAL_SERVICE_ERROR"));
        assertEquals(
                0L, TestSql.single(db, Long.class, "SELECT count(*) FROM export_jobs WHERE project_id = ?", project));
        assertEquals(
                0L,
                TestSql.single(
                        db, Long.class, "SELECT count(*) FROM outbox_events WHERE event_key = ?", project.toString()));
    }
}
