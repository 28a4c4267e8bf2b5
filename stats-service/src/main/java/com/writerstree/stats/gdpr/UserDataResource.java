package com.writerstree.stats.gdpr;

import com.writerstree.platform.gdpr.UserDataExport;
import com.writerstree.platform.web.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * stats-service's part of a user's data export (docs/CONTRACTS.md, "User data export and purge"). Guarded by the
 * platform's service credential; the gateway does not route it.
 */
@Path("/internal/users/{userId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class UserDataResource {

    private final UserStatsExport export;
    private final String service;

    public UserDataResource(UserStatsExport export, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.export = export;
        this.service = service;
    }

    @GET
    @Operation(summary = "Everything stats-service holds of a user (service credential required)")
    @APIResponse(
            responseCode = "200",
            description = "data.parts: summary (streaks), dailyAggregates, projectDays, writingSlots, projects, "
                    + "milestones, settings, analyticsEvents")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    public ApiResponse<UserDataExport> export(@PathParam("userId") UUID userId) {
        return ApiResponse.ok(UserDataExport.of(service, userId, export.parts(userId)));
    }
}
