package com.writerstree.content.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.content.domain.RestoreVersion;
import com.writerstree.content.domain.VersionHistory;
import com.writerstree.platform.web.ApiResponse;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A project's version history (spec §4.4): snapshots, taking one, restoring one. */
@Path("/projects/{projectId}/versions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Versions", description = "Snapshots of a project's text and restoring them")
public class VersionResource {

    private final VersionHistory versions;
    private final RestoreVersion restores;
    private final ObjectMapper json;

    public VersionResource(VersionHistory versions, RestoreVersion restores, ObjectMapper json) {
        this.versions = versions;
        this.restores = restores;
        this.json = json;
    }

    @GET
    @Operation(
            summary = "List the project's snapshots, newest first",
            description = "At most 10 automatic/manual snapshots are kept; milestone snapshots are pinned.")
    @APIResponse(
            responseCode = "200",
            description = "data.versions: [{id, versionNumber, wordCount, createdAt, snapshotType, metadata}]")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project")
    public ApiResponse<Map<String, List<VersionView>>> list(@PathParam("projectId") UUID projectId) {
        return ApiResponse.ok(Map.of("versions", versions.list(projectId)));
    }

    @GET
    @Path("/{versionId}")
    @Operation(summary = "Read one snapshot with its text")
    @APIResponse(
            responseCode = "200",
            description = "data.version: {id, versionNumber, content, wordCount, createdAt, snapshotType, metadata}")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project, or no such snapshot of this project")
    public ApiResponse<Map<String, VersionDetail>> get(
            @PathParam("projectId") UUID projectId, @PathParam("versionId") UUID versionId) {
        return ApiResponse.ok(Map.of("version", versions.get(projectId, versionId)));
    }

    @POST
    @Operation(
            summary = "Take a manual snapshot of the current text",
            description =
                    "Optional body {\"label\": \"...\"} (kept in metadata.label). Counts toward the 10 kept snapshots.")
    @APIResponse(
            responseCode = "201",
            description =
                    "data.version: the new snapshot {id, versionNumber, wordCount, createdAt, snapshotType: manual, metadata}")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: label longer than 200 characters")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project")
    public Response snapshot(@PathParam("projectId") UUID projectId, String body) {
        // the body is optional, with or without a Content-Type: read as text, then as JSON when present
        SnapshotRequest request = SnapshotRequest.parse(json, body);
        VersionView created = versions.snapshot(projectId, request.label());
        return Response.status(Response.Status.CREATED)
                .entity(ApiResponse.ok("Snapshot created.", Map.of("version", created)))
                .build();
    }

    @POST
    @Path("/{versionId}/restore")
    @Operation(
            summary = "Restore a snapshot as a new version",
            description = "The snapshot's text becomes the next version (server word count, milestones, snapshots as"
                    + " for a save); VersionRestored is published. Restoring the current text changes nothing.")
    @APIResponse(responseCode = "200", description = "data: currentVersion, wordCount")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project, or no such snapshot of this project")
    @APIResponse(responseCode = "409", description = "PROJECT_ARCHIVED")
    public ApiResponse<RestoreResult> restore(
            @PathParam("projectId") UUID projectId, @PathParam("versionId") UUID versionId) {
        return ApiResponse.ok("Version restored successfully.", restores.restore(projectId, versionId));
    }
}
