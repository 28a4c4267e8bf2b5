package com.writerstree.stats.api;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.ApiResponse;
import com.writerstree.stats.domain.AnalyticsService;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/analytics/event")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Usage events (spec §4.6)")
public class AnalyticsResource {

    private final AnalyticsService service;
    private final Caller caller;

    public AnalyticsResource(AnalyticsService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Track an analytics event",
            description = "eventType from the spec's list or the suite's client events; eventData an object of at "
                    + "most 4 KB of JSON; sessionId up to 255 characters. Stored with the user agent and the "
                    + "client's address anonymised (IPv4 /24, IPv6 /48). bloom_animation_viewed with "
                    + "eventData.projectId and eventData.milestone also marks that bloom celebrated.")
    @APIResponse(responseCode = "201", description = "\"Event tracked.\"")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (details.field)")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED or INVALID_TOKEN")
    @APIResponse(responseCode = "429", description = "RATE_LIMIT_EXCEEDED: too many events per minute")
    public RestResponse<ApiResponse<Void>> track(
            AnalyticsEventRequest request, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        if (request == null) {
            throw ApiException.validation("eventType", "eventType is required");
        }
        service.track(
                caller.userId(),
                request.eventType(),
                request.eventData(),
                request.sessionId(),
                clientAddress(headers, http),
                headers.getHeaderString(HttpHeaders.USER_AGENT));
        return RestResponse.status(Response.Status.CREATED, ApiResponse.message("Event tracked."));
    }

    /**
     * The gateway sets X-Forwarded-For to the client address it resolved (clients cannot supply it: the gateway
     * drops theirs); a direct call has the TCP peer.
     */
    private static String clientAddress(HttpHeaders headers, HttpServerRequest http) {
        String forwarded = headers.getHeaderString("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
