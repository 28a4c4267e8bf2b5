package com.writerstree.export.api;

import com.writerstree.export.domain.ExportService;
import com.writerstree.export.domain.render.model.ExportStyle;
import com.writerstree.export.persistence.ExportJob;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.ApiResponse;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Spec §4.5: exports of a manuscript and of its tree, and the caller's recent exports. */
@Path("/")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export")
public class ExportResource {

    private final ExportService exports;
    private final Caller caller;

    public ExportResource(ExportService exports, Caller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @POST
    @Path("projects/{projectId}/export")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export the manuscript as txt, docx, pdf or epub (style book or manuscript)")
    @APIResponse(
            responseCode = "200",
            description = "{downloadUrl, expiresAt, fileSize}: a presigned S3 link valid 24 h")
    @APIResponse(responseCode = "202", description = "a long manuscript: {exportId, status, statusUrl}")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: unknown format or style")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project of the caller")
    @APIResponse(responseCode = "503", description = "EXTERNAL_SERVICE_ERROR: S3 or a service it reads from is down")
    public Response export(@PathParam("projectId") String projectId, @Valid @NotNull ExportRequest body) {
        UUID id = projectId(projectId);
        ExportService.Outcome outcome = exports.exportContent(
                caller.userId(),
                caller.bearer(),
                id,
                body.format(),
                body.style() == null ? ExportStyle.BOOK : body.style(),
                Boolean.TRUE.equals(body.includeMetadata()));
        ExportJob job = outcome.job();
        if (!outcome.finished()) {
            return Response.accepted(ApiResponse.ok(
                            "Export started; it will be ready shortly.",
                            new ExportAccepted(job.id, job.status, "/exports/" + job.id)))
                    .build();
        }
        return Response.ok(ApiResponse.ok(new ExportLink(job.id, outcome.downloadUrl(), job.expiresAt, job.fileSize)))
                .build();
    }

    @POST
    @Path("projects/{projectId}/export-tree")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export the project's tree as png or svg, drawn from its seed, species, season and progress")
    @APIResponse(responseCode = "200", description = "{downloadUrl, expiresAt, fileSize}")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: format, or width/height outside 64-4096")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    @APIResponse(responseCode = "503", description = "EXTERNAL_SERVICE_ERROR")
    public ApiResponse<ExportLink> exportTree(
            @PathParam("projectId") String projectId, @Valid @NotNull TreeExportRequest body) {
        UUID id = projectId(projectId);
        ExportService.Outcome outcome = exports.exportTree(
                caller.userId(),
                caller.bearer(),
                id,
                body.format(),
                body.width() == null ? 1920 : body.width(),
                body.height() == null ? 1080 : body.height(),
                Boolean.TRUE.equals(body.transparent()));
        ExportJob job = outcome.job();
        return ApiResponse.ok(new ExportLink(job.id, outcome.downloadUrl(), job.expiresAt, job.fileSize));
    }

    @GET
    @Path("exports")
    @Operation(summary = "The caller's exports of the last 24 hours, newest first, with fresh download links")
    public ApiResponse<Map<String, List<ExportView>>> list() {
        List<ExportView> views = exports.recent(caller.userId()).stream()
                .map(job -> ExportView.of(job, exports.link(job)))
                .toList();
        return ApiResponse.ok(Map.of("exports", views));
    }

    @GET
    @Path("exports/{exportId}")
    @Operation(summary = "One export: its status (processing, completed, failed, expired) and, when ready, its link")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such export of the caller")
    public ApiResponse<Map<String, ExportView>> get(@PathParam("exportId") String exportId) {
        UUID id;
        try {
            id = UUID.fromString(exportId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Export");
        }
        ExportJob job = exports.get(caller.userId(), id);
        return ApiResponse.ok(Map.of("export", ExportView.of(job, exports.link(job))));
    }

    private static UUID projectId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Project");
        }
    }
}
