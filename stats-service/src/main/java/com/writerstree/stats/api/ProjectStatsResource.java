package com.writerstree.stats.api;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.ApiResponse;
import com.writerstree.stats.api.ProjectStatsView.MilestoneView;
import com.writerstree.stats.domain.ProjectStatsService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/projects/{projectId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats", description = "Writing statistics and streaks on the writer's own clock (spec §4.6)")
public class ProjectStatsResource {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    private final ProjectStatsService service;
    private final Caller caller;

    public ProjectStatsResource(ProjectStatsService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/stats")
    @Operation(
            summary = "A project's goal tracker",
            description = "Daily series (words added/deleted per local day, zeros included), words today, pace "
                    + "over 7 and 14 days, projected finish date at the 7-day pace, and with a deadline the days "
                    + "left and the daily quota to finish on time; milestones with celebrated.")
    @APIResponse(responseCode = "200", description = "data: the project's stats")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: days out of 1..366")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such project of the caller's")
    public ApiResponse<ProjectStatsView> stats(
            @PathParam("projectId") String projectId,
            @Parameter(description = "length of the daily series, 1 to 366 (default 30)") @QueryParam("days")
                    String days) {
        return ApiResponse.ok(service.stats(caller.userId(), projectId(projectId), days(days)));
    }

    @POST
    @Path("/milestones/{type}/celebrate")
    @Operation(
            summary = "Mark a milestone's bloom as seen",
            description = "So that each bloom shows once across the writer's devices: a client shows the bloom "
                    + "when the milestone's celebrated is false, then calls this. Idempotent.")
    @APIResponse(responseCode = "200", description = "data.milestone with celebrated true")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(
            responseCode = "404",
            description = "NOT_FOUND: no such project of the caller's, or the milestone (25_percent, "
                    + "50_percent, 75_percent, 100_percent) was not reached")
    public ApiResponse<Map<String, MilestoneView>> celebrate(
            @PathParam("projectId") String projectId, @PathParam("type") String type) {
        return ApiResponse.ok(
                "Milestone celebrated.",
                Map.of("milestone", service.celebrate(caller.userId(), projectId(projectId), type)));
    }

    /** A malformed id is as unknown as a missing one: 404. */
    private static UUID projectId(String raw) {
        if (!CANONICAL_UUID.matcher(raw).matches()) {
            throw ApiException.notFound("Project");
        }
        return UUID.fromString(raw);
    }

    private static int days(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1 && value <= MAX_DAYS) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.validation("days", "days must be an integer between 1 and " + MAX_DAYS);
    }
}
