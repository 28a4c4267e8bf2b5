package com.writerstree.export.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.export.config.ExportConfig;
import com.writerstree.platform.client.UpstreamPolicy;
import com.writerstree.platform.security.ServiceCredential;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads one service's part of a user's data export: {@code GET <base>/internal/users/{userId}/export} with the
 * service credential, through the platform's {@link UpstreamPolicy} with this service's budget (each attempt cut at
 * {@code export.archive.read-timeout}, {@code export.archive.attempts} attempts with a doubling pause from
 * {@code export.archive.retry-delay}, a circuit breaker per service). The answer must be 200 with
 * {@code data.service}; anything else after the last attempt is a {@link MissingPart}.
 */
@ApplicationScoped
public class PartFetcher {

    private static final Logger LOG = Logger.getLogger(PartFetcher.class);

    /** A part that could not be fetched: the archive fails and names it. */
    public static class MissingPart extends RuntimeException {
        public MissingPart(String service, String reason) {
            super(service + ": " + reason);
        }
    }

    private final ExportConfig config;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public PartFetcher(ExportConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The {@code data} of the service's answer. */
    public JsonNode fetch(String service, String baseUrl, UUID userId) {
        Guard guard = guards.computeIfAbsent(
                service,
                name -> UpstreamPolicy.idempotent(
                        name,
                        config.archive().readTimeout(),
                        config.archive().attempts(),
                        config.archive().retryDelay(),
                        MissingPart.class));
        try {
            return guard.call(() -> fetchOnce(service, baseUrl, userId), JsonNode.class);
        } catch (MissingPart e) {
            LOG.infof("Export part of %s for user %s not fetched: %s", service, userId, e.getMessage());
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MissingPart(service, "interrupted");
        } catch (Exception e) {
            // a connection failure, a timeout, an open circuit
            LOG.infof(
                    "Export part of %s for user %s not fetched: %s",
                    service, userId, e.getClass().getSimpleName());
            throw new MissingPart(service, e.getClass().getSimpleName());
        }
    }

    private JsonNode fetchOnce(String service, String baseUrl, UUID userId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create(baseUrl.replaceAll("/+$", "") + "/internal/users/" + userId + "/export"))
                        .timeout(config.archive().readTimeout())
                        .header(ServiceCredential.HEADER, ServiceCredential.outgoing())
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new MissingPart(service, "HTTP " + response.statusCode());
        }
        JsonNode data = json.readTree(response.body()).path("data");
        if (!data.path("service").isTextual() || !data.path("parts").isObject()) {
            throw new MissingPart(service, "answer without data.service/parts");
        }
        return data;
    }
}
