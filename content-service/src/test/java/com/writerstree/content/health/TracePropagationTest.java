package com.writerstree.content.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.content.client.ProjectServiceStub;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.testing.LocalKafka;
import com.writerstree.platform.testing.TestSql;
import com.writerstree.platform.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A save's trace leaves the service with its event: the request's W3C trace context (as the gateway forwards it) is
 * kept on the outbox row and sent as the Kafka record's {@code traceparent} header, so that the consumers (project,
 * stats, suggestion, the gateway's fan-out) continue the same trace. The record also names the event's user in the
 * {@code wt-user-id} header.
 */
@QuarkusTest
@WithTestResource(ProjectServiceStub.class)
class TracePropagationTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSavesTraceIdTravelsWithItsEvent() {
        UUID user = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("answer", 200, "userId", user.toString(), "wordGoal", 1000, "status", "active"))
                .put(ConfigProvider.getConfig().getValue(ProjectServiceStub.URL_PROPERTY, String.class)
                        + "/_stub/projects/" + project)
                .then()
                .statusCode(204);
        String traceId = hex(16);
        String callerSpan = hex(8);

        ConsumerRecord<String, String> event;
        try (LocalKafka.Watcher events = LocalKafka.watch(LocalKafka.TEST_PREFIX + "content-events")) {
            given().baseUri(base.toString())
                    .cookie("auth_token", TestTokens.forUser(user))
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .contentType(ContentType.JSON)
                    .body(Map.of("content", "Traced words travel on.", "version", 0))
                    .put("/projects/{id}/content", project)
                    .then()
                    .statusCode(200);
            event = events.awaitRecord(
                    json -> json.contains(project.toString()) && json.contains("ContentSaved"), Duration.ofSeconds(30));
        }

        Header owner = event.headers().lastHeader(EventCodec.USER_ID_HEADER);
        assertNotNull(owner, "the event names its user in a header (the gateway filters on it without parsing)");
        assertEquals(user.toString(), new String(owner.value(), StandardCharsets.US_ASCII));
        Header header = event.headers().lastHeader("traceparent");
        assertNotNull(header, "the event carries the trace context");
        String[] parts = new String(header.value(), StandardCharsets.US_ASCII).split("-");
        assertEquals(4, parts.length);
        assertEquals(traceId, parts[1], "same trace as the request");
        assertTrue(parts[2].matches("[0-9a-f]{16}") && !parts[2].equals("0000000000000000"), "a span of the service");
        String stored = TestSql.single(
                dataSource,
                String.class,
                "SELECT traceparent FROM outbox_events WHERE event_type = 'ContentSaved' AND event_key = ?",
                project.toString());
        assertNotNull(stored);
        assertTrue(stored.startsWith("00-" + traceId + "-"), stored);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never the all-zero (invalid) id
        return HexFormat.of().formatHex(b);
    }
}
