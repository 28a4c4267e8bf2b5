package com.writerstree.suggestion.client;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.platform.client.UpstreamPolicy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The read of a project's text against a hung content-service: cut at the policy's timeout, in bounded time. */
@QuarkusTest
@WithTestResource(ContentServiceStub.class)
class ContentTextsTest {

    @Inject
    ContentTexts texts;

    @Test
    void aHungContentServiceIsCutAtTheTimeout() {
        UUID project = UUID.randomUUID();
        configure(project, Map.of("hang", true));
        Duration timeout = UpstreamPolicy.timeout(ContentTexts.SERVICE);

        long start = System.nanoTime();
        assertThrows(RuntimeException.class, () -> texts.content(project));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(timeout) >= 0, "gave up before the timeout: " + took);
        assertTrue(took.compareTo(timeout.multipliedBy(2).plusSeconds(3)) < 0, "not cut in time: " + took);
    }

    @Test
    void anAnsweringContentServiceIsReadThroughThePolicy() {
        UUID project = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        configure(project, Map.of("userId", user.toString(), "text", "Zorblat sails.", "version", 4));

        ContentServiceClient.Content content = texts.content(project);

        assertEquals(user, content.userId());
        assertEquals("Zorblat sails.", content.text());
        assertEquals(4, content.version());
    }

    private static void configure(UUID project, Map<String, Object> body) {
        given().baseUri(ConfigProvider.getConfig().getValue("content-stub.url", String.class))
                .contentType(ContentType.JSON)
                .body(body)
                .put("/_stub/content/" + project)
                .then()
                .statusCode(204);
    }
}
