package com.writerstree.identity.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.security.ServiceCredential;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Asks another service whether it completed a purge ({@code GET <service>/internal/purges/{eventId}}, service
 * credential), for the operator's {@code GET /internal/purges}. Every request is bounded (connect 2 s, answer 3 s) and
 * never retried; a failure is an answer ({@code unreachable}), not an error. No circuit breaker: one method serves
 * five services, and an operator view must show each service's own state rather than fail fast for all.
 */
@ApplicationScoped
public class PurgeConfirmations {

    /** {@code confirmed} (with the time), {@code pending} (404 there) or {@code unreachable}. */
    public record ServiceStatus(String status, Instant completedAt) {}

    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public PurgeConfirmations(ObjectMapper json) {
        this.json = json;
    }

    public ServiceStatus ask(String baseUrl, UUID eventId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl.replaceAll("/+$", "") + "/internal/purges/" + eventId))
                .timeout(Duration.ofSeconds(3))
                .header(ServiceCredential.HEADER, ServiceCredential.outgoing())
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return new ServiceStatus("pending", null);
            }
            if (response.statusCode() != 200) {
                return new ServiceStatus("unreachable", null);
            }
            JsonNode at = json.readTree(response.body()).path("data").path("completedAt");
            return new ServiceStatus("confirmed", at.isTextual() ? Instant.parse(at.asText()) : null);
        } catch (IOException | RuntimeException e) {
            return new ServiceStatus("unreachable", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceStatus("unreachable", null);
        }
    }
}
