package com.writerstree.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One save is one trace (issue #14): the stack exports its spans over OTLP/HTTP to a receiver this test starts
 * ({@code -Dwt.otlp.port}; the stack's env file sets {@code OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:<port>},
 * {@code OTEL_TRACES_SAMPLE_RATIO=1}, {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf}). A save
 * sent with a W3C {@code traceparent} yields spans of sync-gateway, content-service and project-service, all with
 * that trace id, linked by their parents: project-service's Kafka consumer span → content-service (through the
 * outbox and the record's header) → the gateway → the caller's span. And the trace id is in the log lines next to
 * the request id (project-service logs the creation of a project with both).
 */
@Tag("tracing")
class TraceIT {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void oneSaveIsOneTraceFromTheGatewayThroughKafkaToProjectService() throws Exception {
        Integer port = Integer.getInteger("wt.otlp.port");
        assumeTrue(port != null, "no OTLP receiver port (-Dwt.otlp.port; the stack must export traces to it)");
        try (OtlpReceiver receiver = new OtlpReceiver(port)) {
            TestUsers.TestUser writer = TestUsers.register();

            // the project's creation: its log line in project-service carries the trace id and the request id
            String createTrace = hex(16);
            Response created = Gateway.api(writer.token())
                    .header("traceparent", "00-" + createTrace + "-" + hex(8) + "-01")
                    .body(Map.of("title", "Traced", "wordGoal", 1000))
                    .post("/projects");
            Http.expectStatus(created, 201);
            String project = created.jsonPath().getString("data.id");
            String requestId = created.header("X-Request-Id");
            assertNotNull(requestId, "the gateway answers with X-Request-Id");

            // the save, with the caller's span as the root of the trace
            String traceId = hex(16);
            String callerSpan = hex(8);
            Response saved = Gateway.api(writer.token())
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .body(Map.of("content", "One traced sentence of six words.", "version", 0))
                    .put("/projects/{id}/content", project);
            Http.expectStatus(saved, 200);

            // spans arrive in batches, each service on its own exporter schedule: project-service's consumer span
            // may come before content-service's spans it hangs under. Wait for the whole chain up to the caller (or
            // the time limit; then the walk below says which link is missing).
            try {
                Awaitility.await("project-service's span of the save's event and every span above it")
                        .atMost(Duration.ofSeconds(45))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> chainReachesCaller(receiver.trace(traceId), callerSpan));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                assertTrue(
                        receiver.trace(traceId).stream()
                                .anyMatch(s -> s.service().equals("project-service")
                                        && s.kind() == OtlpReceiver.Span.CONSUMER),
                        () -> "no project-service consumer span of the save's event within 45 s: "
                                + receiver.trace(traceId));
            }
            List<OtlpReceiver.Span> trace = receiver.trace(traceId);
            Map<String, OtlpReceiver.Span> byId = new LinkedHashMap<>();
            trace.forEach(s -> byId.put(s.spanId(), s));

            OtlpReceiver.Span consumer = trace.stream()
                    .filter(s -> s.service().equals("project-service") && s.kind() == OtlpReceiver.Span.CONSUMER)
                    .findFirst()
                    .orElseThrow();
            // walk up from project-service's consumer span to the caller's span: no link may be missing
            List<String> services = new ArrayList<>();
            OtlpReceiver.Span at = consumer;
            while (at != null) {
                if (services.isEmpty() || !services.get(services.size() - 1).equals(at.service())) {
                    services.add(at.service());
                }
                if (at.parentSpanId().equals(callerSpan)) {
                    break;
                }
                OtlpReceiver.Span parent = byId.get(at.parentSpanId());
                assertNotNull(
                        parent,
                        () -> "a span's parent is not in the trace (chain broken) at " + describe(byId, consumer)
                                + "\nall spans: " + trace);
                at = parent;
            }
            assertEquals(
                    List.of("project-service", "content-service", "sync-gateway"),
                    services,
                    () -> "services from the consumer up to the caller; spans: " + trace);
            assertTrue(
                    trace.stream()
                            .anyMatch(
                                    s -> s.service().equals("content-service") && s.kind() == OtlpReceiver.Span.SERVER),
                    () -> "content-service's server span of the save: " + trace);
            assertTrue(
                    trace.stream()
                            .anyMatch(s -> s.service().equals("sync-gateway")
                                    && s.kind() == OtlpReceiver.Span.SERVER
                                    && s.parentSpanId().equals(callerSpan)),
                    () -> "the gateway's server span is the caller's child: " + trace);
            assertTrue(
                    receiver.spans().stream()
                            .filter(s -> s.service().equals("content-service") && s.kind() == OtlpReceiver.Span.SERVER)
                            .allMatch(s -> !s.traceId().equals(traceId) || byId.containsKey(s.parentSpanId())),
                    "content-service's server span hangs under a gateway span of the same trace");

            // the trace id next to the request id in a log line
            Path log = Stack.repoRoot().resolve(".run/logs/" + Faults.stackName() + "/project-service.log");
            assumeTrue(Files.isRegularFile(log), "project-service's log is not at " + log);
            Awaitility.await("project-service logs the creation with its trace and request id")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> creationLine(log, project).isPresent());
            String line = creationLine(log, project).orElseThrow();
            assertTrue(line.contains(createTrace), "trace id " + createTrace + " in the log line: " + line);
            assertTrue(line.contains(requestId), "request id " + requestId + " in the log line: " + line);
            assertFalse(line.contains(writer.token()), "no token in the log line");
        }
    }

    /** Whether project-service's consumer span and every parent up to the caller's span have arrived. */
    private static boolean chainReachesCaller(List<OtlpReceiver.Span> trace, String callerSpan) {
        Map<String, OtlpReceiver.Span> byId = new LinkedHashMap<>();
        trace.forEach(s -> byId.put(s.spanId(), s));
        OtlpReceiver.Span at = trace.stream()
                .filter(s -> s.service().equals("project-service") && s.kind() == OtlpReceiver.Span.CONSUMER)
                .findFirst()
                .orElse(null);
        for (int hops = 0; at != null && hops < 64; hops++) {
            if (at.parentSpanId().equals(callerSpan)) {
                return true;
            }
            at = byId.get(at.parentSpanId());
        }
        return false;
    }

    private static Optional<String> creationLine(Path log, String project) throws java.io.IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("Project " + project + " created"))
                    .findFirst();
        }
    }

    private static String describe(Map<String, OtlpReceiver.Span> byId, OtlpReceiver.Span from) {
        StringBuilder chain = new StringBuilder();
        for (OtlpReceiver.Span at = from; at != null; at = byId.get(at.parentSpanId())) {
            chain.append(at.service()).append(':').append(at.name()).append(" <- ");
            if (chain.length() > 2000) {
                break;
            }
        }
        return chain.toString();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
