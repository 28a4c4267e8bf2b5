package com.writerstree.content.api;

import com.writerstree.content.domain.UserContent;
import com.writerstree.platform.gdpr.UserDataExport;
import com.writerstree.platform.web.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * content-service's part of a user's data export (docs/CONTRACTS.md, "User data export and purge"): per project the
 * current text as a Markdown file ({@code files}), the stored versions with their texts, the milestones. Guarded by
 * the platform's service credential; the gateway does not route it.
 */
@Path("/internal/users/{userId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class UserDataResource {

    private final UserContent content;
    private final String service;

    public UserDataResource(UserContent content, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.content = content;
        this.service = service;
    }

    @GET
    @Operation(summary = "Everything content-service holds of a user (service credential required)")
    @APIResponse(
            responseCode = "200",
            description = "data.parts.projects: per project the content (file path, version, word count), versions "
                    + "with texts, milestones; data.files: manuscripts/<title>-<id>.md")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    public ApiResponse<UserDataExport> export(@PathParam("userId") UUID userId) {
        UserContent.Export export = content.export(userId);
        return ApiResponse.ok(
                UserDataExport.of(service, userId, Map.of("projects", export.projects()), export.files()));
    }
}
