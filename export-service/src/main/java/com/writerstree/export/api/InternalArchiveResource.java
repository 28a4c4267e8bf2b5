package com.writerstree.export.api;

import com.writerstree.export.domain.archive.UserArchives;
import com.writerstree.export.persistence.UserArchive;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.web.ApiResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service-to-service routes of the data export (service credential {@code X-Service-Token}; the gateway does not
 * route {@code /internal}): identity starts the export of an account being deleted. export-service's own part
 * ({@code GET /internal/users/{userId}/export}) is served by platform-messaging's shared resource from
 * {@link com.writerstree.export.domain.ExportUserData}.
 */
@Path("/internal/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class InternalArchiveResource {

    public record Start(String reason) {}

    public record Started(UUID jobId, String status, String downloadUrl, Instant expiresAt) {}

    private final UserArchives archives;

    public InternalArchiveResource(UserArchives archives) {
        this.archives = archives;
    }

    @POST
    @Path("archives")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a data export of the user (reason deletion|request); the link is presigned at once")
    @APIResponse(responseCode = "202", description = "data: jobId, status, downloadUrl (7 days), expiresAt")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: unknown reason")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    public Response start(@PathParam("userId") UUID userId, Start body) {
        String reason = body == null || body.reason() == null ? UserArchive.REQUEST : body.reason();
        if (!UserArchive.REQUEST.equals(reason) && !UserArchive.DELETION.equals(reason)) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR, "reason must be deletion or request", Map.of("field", "reason"));
        }
        UserArchives.Started started = archives.start(userId, reason);
        return Response.accepted(ApiResponse.ok(new Started(
                        started.archive().id,
                        started.archive().status,
                        started.downloadUrl(),
                        started.archive().expiresAt)))
                .build();
    }
}
