package com.writerstree.export.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.export.config.ExportConfig;
import com.writerstree.platform.security.ServiceCredential;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reads one service's part of a user's data export: {@code GET <base>/internal/users/{userId}/export} with the
 * service credential, retried ({@code export.archive.attempts}, doubling pause). The answer must be 200 with
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

    public PartFetcher(ExportConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The {@code data} of the service's answer. */
    public JsonNode fetch(String service, String baseUrl, UUID userId) {
        Duration pause = config.archive().retryDelay();
        String reason = "not asked";
        for (int attempt = 1; attempt <= config.archive().attempts(); attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        baseUrl.replaceAll("/+$", "") + "/internal/users/" + userId + "/export"))
                                .timeout(config.archive().readTimeout())
                                .header(ServiceCredential.HEADER, ServiceCredential.outgoing())
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode data = json.readTree(response.body()).path("data");
                    if (data.path("service").isTextual() && data.path("parts").isObject()) {
                        return data;
                    }
                    reason = "answer without data.service/parts";
                } else {
                    reason = "HTTP " + response.statusCode();
                }
            } catch (IOException e) {
                reason = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MissingPart(service, "interrupted");
            }
            LOG.infof("Export part of %s for user %s, attempt %d failed (%s)", service, userId, attempt, reason);
            if (attempt < config.archive().attempts()) {
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
        throw new MissingPart(service, reason);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis()); // a retry backoff between attempts, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MissingPart("export-service", "interrupted");
        }
    }
}
