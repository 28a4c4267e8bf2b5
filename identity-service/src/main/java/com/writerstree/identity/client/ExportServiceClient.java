package com.writerstree.identity.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.writerstree.platform.security.ServiceCredential;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * export-service's internal start of a user's data export (the GDPR archive), called by DELETE /users/me so the
 * confirmation mail can carry the download link. URL: {@code quarkus.rest-client.export-service.url}
 * ({@code EXPORT_URL}); service credential {@code X-Service-Token}.
 */
@RegisterRestClient(configKey = "export-service")
@Path("/internal/users/{userId}/archives")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(
        name = ServiceCredential.HEADER,
        value = "{com.writerstree.platform.security.ServiceCredential.outgoing}")
public interface ExportServiceClient {

    /**
     * Not idempotent (each call starts a job): no retry. Cut after 5 s (DELETE /users/me then answers 503 and
     * deletes nothing); after 3 failures out of the last 4 calls the breaker answers at once for 10 s instead of
     * letting every deletion wait for a dead export-service.
     */
    @POST
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000)
    Envelope start(@PathParam("userId") UUID userId, Start body);

    /** {@code reason}: {@code deletion} (identity mails the link itself) or {@code request}. */
    record Start(String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(Archive data) {}

    /** The job; {@code downloadUrl} is presigned at once (7 days) and serves the ZIP once the job is done. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Archive(UUID jobId, String status, String downloadUrl, Instant expiresAt) {}
}
