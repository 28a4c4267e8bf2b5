package com.writerstree.platform.messaging.userdata;

import com.writerstree.platform.gdpr.UserDataExport;
import com.writerstree.platform.gdpr.UserDataExport.ExportFile;
import com.writerstree.platform.web.ApiResponse;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /internal/users/{userId}/export}: this service's part of a user's data export (docs/CONTRACTS.md, "User
 * data export and purge"), the parts and files of every {@link UserDataOwner} of the service, read in one
 * transaction. Guarded by the platform's service credential ({@code X-Service-Token}); the gateway does not route
 * {@code /internal}. Present in a service that sets the build property {@code writerstree.user-data.shared=true}.
 */
@Path("/internal/users/{userId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
@IfBuildProperty(name = UserEventsConsumer.ENABLED, stringValue = "true")
public class InternalUserDataResource {

    private final Instance<UserDataOwner> owners;
    private final String service;

    public InternalUserDataResource(
            Instance<UserDataOwner> owners, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.owners = owners;
        this.service = service;
    }

    @GET
    @Transactional
    @Operation(summary = "Everything this service holds of a user (service credential required)")
    @APIResponse(responseCode = "200", description = "data: service, userId, generatedAt, parts, files")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    public ApiResponse<UserDataExport> export(@PathParam("userId") UUID userId) {
        Map<String, Object> parts = new LinkedHashMap<>();
        List<ExportFile> files = new ArrayList<>();
        for (UserDataOwner owner : owners) {
            parts.putAll(owner.export(userId));
            files.addAll(owner.files(userId));
        }
        return ApiResponse.ok(UserDataExport.of(service, userId, parts, files));
    }
}
