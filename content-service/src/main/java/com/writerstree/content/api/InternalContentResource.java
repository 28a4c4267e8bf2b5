package com.writerstree.content.api;

import com.writerstree.content.domain.ReadContent;
import com.writerstree.platform.web.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service-to-service read of a project's current text, for suggestion-service's adaptation to the writer (the
 * text never travels on Kafka). Guarded by the platform's service credential ({@code X-Service-Token}), not by a
 * user token; the gateway does not route {@code /internal}. Read-only. The sync gateway reads here too, for the
 * {@code sync:update} it fans out after a save (no user token needed, none that may have expired).
 */
@Path("/internal/projects/{projectId}/content")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class InternalContentResource {

    private final ReadContent reads;

    public InternalContentResource(ReadContent reads) {
        this.reads = reads;
    }

    @GET
    @Operation(summary = "A project's current text, version and owner (service credential required)")
    @APIResponse(
            responseCode = "200",
            description = "data: projectId, userId (owner), text, version, wordCount, lastSavedAt")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project here")
    public ApiResponse<InternalContent> read(@PathParam("projectId") UUID projectId) {
        return ApiResponse.ok(reads.forService(projectId));
    }
}
