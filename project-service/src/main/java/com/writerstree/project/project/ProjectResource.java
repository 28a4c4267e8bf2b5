package com.writerstree.project.project;

import com.writerstree.platform.web.ApiResponse;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.Caller;
import com.writerstree.project.config.ProjectConfig;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/projects")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "A user's writing projects, their goals and trees (spec §4.3)")
public class ProjectResource {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    ProjectService service;

    @Inject
    Caller caller;

    @Inject
    ProjectConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a project", description = "Every field is optional: title \"Untitled Project\", "
            + "wordGoal 50000 (1,000 to 10,000,000), treeSpecies oak, treeSeason spring. The tree seed is generated.")
    @APIResponse(responseCode = "201", description = "Created; data is the new project")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (details.field names the offending field)")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    public RestResponse<ApiResponse<ProjectView>> create(@Valid CreateProjectRequest request) {
        ProjectView created = service.create(caller.userId(), request == null ? CreateProjectRequest.EMPTY : request);
        return RestResponse.status(Response.Status.CREATED, ApiResponse.ok("Project created successfully.", created));
    }

    @GET
    @Operation(summary = "List the caller's projects", description = "Most recently edited first.")
    @APIResponse(responseCode = "200", description = "data: projects, total, limit, offset")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR for an unknown status or a limit/offset out of range")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    public ApiResponse<ProjectPage> list(
            @Parameter(description = "active, completed or archived") @QueryParam("status") String status,
            @Parameter(description = "page size, 1 to 100 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "projects to skip (default 0)") @QueryParam("offset") String offset) {
        Optional<ProjectStatus> wanted = status == null ? Optional.empty() : Optional.of(ProjectStatus.parse(status)
                .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_ERROR, "status must be one of "
                        + String.join(", ", ProjectStatus.allowed()),
                        Map.of("field", "status", "allowed", ProjectStatus.allowed()))));
        int pageSize = intParam("limit", limit, config.listing().defaultLimit(), 1, config.listing().maxLimit());
        int skip = intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        return ApiResponse.ok(service.list(caller.userId(), wanted, pageSize, skip));
    }

    @GET
    @Path("/{projectId}")
    @Operation(summary = "Get one of the caller's projects",
            description = "The project part of the spec's response (the gateway adds content and milestones); "
                    + "includes userId for services calling on the user's behalf.")
    @APIResponse(responseCode = "200", description = "data.project")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: the project belongs to another user")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public ApiResponse<Map<String, ProjectView>> get(@PathParam("projectId") String projectId) {
        if (!CANONICAL_UUID.matcher(projectId).matches()) {
            throw ApiException.notFound("Project");
        }
        return ApiResponse.ok(Map.of("project", service.get(caller.userId(), UUID.fromString(projectId))));
    }

    private static int intParam(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        throw new ApiException(ErrorCode.VALIDATION_ERROR, name + " must be an integer " + range,
                Map.of("field", name, "value", raw));
    }
}
