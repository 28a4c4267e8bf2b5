package com.writerstree.export.api;

import com.writerstree.export.domain.archive.UserArchives;
import com.writerstree.export.persistence.UserArchive;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.ApiResponse;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's data export (GDPR access and portability; beyond the spec, README "User data export"). */
@Path("/users/me/export")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export")
public class UserArchiveResource {

    private final UserArchives archives;
    private final Caller caller;

    public UserArchiveResource(UserArchives archives, Caller caller) {
        this.archives = archives;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "Start the export of all the caller's data (one ZIP of every service's part, mailed when"
                    + " ready); a running export is returned instead of starting another")
    @APIResponse(responseCode = "202", description = "data: jobId, status processing, statusUrl")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED / INVALID_TOKEN")
    public Response start() {
        UserArchives.Started started = archives.start(caller.userId(), UserArchive.REQUEST);
        return Response.accepted(ApiResponse.ok(
                        "Your data export is being prepared; you will get a mail with the link.",
                        ArchiveView.of(started.archive(), null)))
                .build();
    }

    @GET
    @Path("{jobId}")
    @Operation(summary = "Status of a data export; downloadUrl (presigned, until expiresAt) once ready")
    @APIResponse(responseCode = "200", description = "data: jobId, status (processing|ready|failed|expired), ...")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such export of the caller")
    public ApiResponse<ArchiveView> status(@PathParam("jobId") String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "jobId must be a UUID", Map.of("field", "jobId"));
        }
        UserArchive archive = archives.get(caller.userId(), id);
        return ApiResponse.ok(
                ArchiveView.of(archive, UserArchive.READY.equals(archive.status) ? archives.link(archive) : null));
    }
}
