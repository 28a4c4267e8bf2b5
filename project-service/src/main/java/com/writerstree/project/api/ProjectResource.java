package com.writerstree.project.api;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.ApiResponse;
import com.writerstree.project.config.ProjectConfig;
import com.writerstree.project.domain.ProjectService;
import com.writerstree.project.domain.ProjectStatus;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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

    private static final List<String> UPDATABLE_FIELDS =
            List.of("title", "wordGoal", "treeSpecies", "treeSeason", "deadline");

    private final ProjectService service;
    private final Caller caller;
    private final ProjectConfig config;

    public ProjectResource(ProjectService service, Caller caller, ProjectConfig config) {
        this.service = service;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a project",
            description = "Every field is optional: title \"Untitled Project\", "
                    + "wordGoal 50000 (1,000 to 10,000,000), treeSpecies oak, treeSeason spring, deadline none "
                    + "(yyyy-MM-dd, 2000-01-01 to 2999-12-31). The tree seed is generated.")
    @APIResponse(responseCode = "201", description = "Created; data is the new project")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (details.field names the offending field)")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(
            responseCode = "403",
            description = "MAX_PROJECTS_REACHED: a free-tier user already has as many projects that are not archived"
                    + " as project.free-tier-max-projects allows (5 by default)")
    public RestResponse<ApiResponse<ProjectView>> create(@Valid CreateProjectRequest request) {
        ProjectView created = ProjectView.of(service.create(
                caller.userId(), caller.tier(), (request == null ? CreateProjectRequest.EMPTY : request).fields()));
        return RestResponse.status(Response.Status.CREATED, ApiResponse.ok("Project created successfully.", created));
    }

    @GET
    @Operation(
            summary = "List the caller's projects",
            description =
                    "Most recently edited first. Without status: "
                            + "the active and completed projects (archived ones are hidden); status=archived lists the archived ones.")
    @APIResponse(responseCode = "200", description = "data: projects, total, limit, offset")
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_ERROR for an unknown status or a limit/offset out of range")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    public ApiResponse<ProjectPage> list(
            @Parameter(description = "active, completed or archived (default: active and completed)")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "page size, 1 to 100 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "projects to skip (default 0)") @QueryParam("offset") String offset) {
        Optional<ProjectStatus> wanted = status == null
                ? Optional.empty()
                : Optional.of(ProjectStatus.parse(status)
                        .orElseThrow(() -> new ApiException(
                                ErrorCode.VALIDATION_ERROR,
                                "status must be one of " + String.join(", ", ProjectStatus.allowed()),
                                Map.of("field", "status", "allowed", ProjectStatus.allowed()))));
        int pageSize = intParam(
                "limit",
                limit,
                config.listing().defaultLimit(),
                1,
                config.listing().maxLimit());
        int skip = intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        ProjectService.Page page = service.list(caller.userId(), wanted, pageSize, skip);
        return ApiResponse.ok(
                new ProjectPage(page.projects().stream().map(ProjectView::of).toList(), page.total(), pageSize, skip));
    }

    @GET
    @Path("/{projectId}")
    @Operation(
            summary = "Get one of the caller's projects",
            description = "The project part of the spec's response (the gateway adds content and milestones); "
                    + "includes userId for services calling on the user's behalf.")
    @APIResponse(responseCode = "200", description = "data.project")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project, or another user's")
    public ApiResponse<Map<String, ProjectView>> get(@PathParam("projectId") String projectId) {
        return ApiResponse.ok(Map.of("project", ProjectView.of(service.get(caller.userId(), projectId(projectId)))));
    }

    @PATCH
    @Path("/{projectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Update a project's title, goal or tree",
            description =
                    "Any of title, wordGoal, treeSpecies, treeSeason, deadline, validated like creation; at least one. "
                            + "A completed project whose word count is below a new goal becomes active again. "
                            + "Archived projects cannot be changed (restore first).")
    @APIResponse(responseCode = "200", description = "message and data: the updated project")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (details.field), or \"Nothing to update\"")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project, or another user's")
    @APIResponse(responseCode = "409", description = "PROJECT_ARCHIVED: restore the project first")
    public ApiResponse<ProjectView> update(
            @PathParam("projectId") String projectId, @Valid UpdateProjectRequest request) {
        UUID id = projectId(projectId);
        if (request == null || request.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Nothing to update", Map.of("fields", UPDATABLE_FIELDS));
        }
        return ApiResponse.ok(
                "Project updated successfully.", ProjectView.of(service.update(caller.userId(), id, request.fields())));
    }

    @DELETE
    @Path("/{projectId}")
    @Operation(
            summary = "Archive a project, or delete it permanently",
            description = "By default the project is archived (idempotent). permanent=true deletes it with its "
                    + "content, history and milestones, and needs confirm=<the project id> in the query.")
    @APIResponse(
            responseCode = "200",
            description =
                    "\"Project archived successfully.\" (data: the project) or " + "\"Project deleted permanently.\"")
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_ERROR: permanent is not true/false, or a permanent "
                    + "deletion without confirm=<projectId>")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project, or another user's")
    public ApiResponse<ProjectView> delete(
            @PathParam("projectId") String projectId,
            @Parameter(description = "true deletes for good (default false: archive)") @QueryParam("permanent")
                    String permanent,
            @Parameter(description = "with permanent=true: the project's id, to confirm the deletion")
                    @QueryParam("confirm")
                    String confirm) {
        UUID id = projectId(projectId);
        if (booleanParam("permanent", permanent)) {
            service.deletePermanently(caller.userId(), id, confirm);
            return ApiResponse.ok("Project deleted permanently.", null);
        }
        return ApiResponse.ok("Project archived successfully.", ProjectView.of(service.archive(caller.userId(), id)));
    }

    @POST
    @Path("/{projectId}/restore")
    @Operation(
            summary = "Restore an archived project",
            description = "Back to completed if it had been completed, active otherwise. Idempotent: a project "
                    + "that is not archived is answered as it is. Counts against the free-tier limit.")
    @APIResponse(responseCode = "200", description = "\"Project restored successfully.\" (data: the project)")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(responseCode = "403", description = "MAX_PROJECTS_REACHED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project, or another user's")
    public ApiResponse<ProjectView> restore(@PathParam("projectId") String projectId) {
        UUID id = projectId(projectId);
        return ApiResponse.ok(
                "Project restored successfully.", ProjectView.of(service.restore(caller.userId(), caller.tier(), id)));
    }

    /** A malformed id is as unknown as a missing one: 404. */
    private static UUID projectId(String raw) {
        if (!CANONICAL_UUID.matcher(raw).matches()) {
            throw ApiException.notFound("Project");
        }
        return UUID.fromString(raw);
    }

    private static boolean booleanParam(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        // exactly "true" or "false": "TRUE", " true" or "1" must not delete a project (issue #8, item 9)
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new ApiException(
                        ErrorCode.VALIDATION_ERROR,
                        name + " must be true or false",
                        Map.of("field", name, "value", raw));
        };
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
        throw new ApiException(
                ErrorCode.VALIDATION_ERROR, name + " must be an integer " + range, Map.of("field", name, "value", raw));
    }
}
