package com.writerstree.stats.api;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.security.Caller;
import com.writerstree.stats.domain.StatsPeriod;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users/me/stats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats", description = "Writing statistics and streaks on the writer's own clock (spec §4.6)")
public class UserStatsResource {

    private final UserStatsCache cache;
    private final Caller caller;

    public UserStatsResource(UserStatsCache cache, Caller caller) {
        this.cache = cache;
        this.caller = caller;
    }

    @GET
    @Operation(
            summary = "The caller's writing statistics",
            description = "Days are the writer's local days (time zone from the preferences). totalWordsWritten is "
                    + "words added (deletions apart in wordsDeleted; restores are not writing); averageWordsPerDay "
                    + "is per writing day; currentStreak/longestStreak count days meeting the daily target over the "
                    + "whole history; dailyBreakdown is newest first.")
    @APIResponse(
            responseCode = "200",
            description = "data: the statistics (ETag; Cache-Control: private, no-cache)",
            content = @Content(schema = @Schema(implementation = UserStatsView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag: nothing changed")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: unknown period")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    public Response stats(
            @Parameter(description = "week (last 7 days), month (30, default), year (365) or all") @QueryParam("period")
                    String period,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        StatsPeriod parsed = StatsPeriod.parse(period)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.VALIDATION_ERROR,
                        "period must be one of " + String.join(", ", StatsPeriod.allowed()),
                        Map.of("field", "period", "allowed", StatsPeriod.allowed())));
        UserStatsCache.Entry entry = cache.get(caller.userId(), parsed);
        CacheControl revalidate = new CacheControl();
        revalidate.setPrivate(true);
        revalidate.setNoCache(true);
        Response.ResponseBuilder response = entry.etag().equals(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(entry.body(), MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, entry.etag())
                .cacheControl(revalidate)
                .build();
    }
}
