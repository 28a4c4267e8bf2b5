package com.writerstree.platform.messaging;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.web.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /internal/purges/{eventId}}: whether this service finished the purge of a {@code UserPurged} event, in
 * every service that has platform-messaging. Guarded by the platform's service credential ({@code X-Service-Token},
 * platform ServiceCredentialFilter); the gateway does not route {@code /internal}.
 */
@Path("/internal/purges/{eventId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class InternalPurgeResource {

    /** This service's receipt. */
    public record PurgeReceipt(String service, Instant completedAt) {}

    private final PurgeReceipts receipts;
    private final String service;

    public InternalPurgeResource(
            PurgeReceipts receipts, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.receipts = receipts;
        this.service = service;
    }

    @GET
    @Operation(summary = "Whether this service completed the purge of a UserPurged event (service credential required)")
    @APIResponse(responseCode = "200", description = "data: service, completedAt")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no purge of this event completed here (yet)")
    public ApiResponse<PurgeReceipt> read(@PathParam("eventId") UUID eventId) {
        return receipts.completedAt(eventId)
                .map(at -> ApiResponse.ok(new PurgeReceipt(service, at.toInstant())))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No purge of this event completed here"));
    }
}
