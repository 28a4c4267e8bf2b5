package com.writerstree.identity.user;

import com.writerstree.platform.web.ApiResponse;
import com.writerstree.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users/me")
@Tag(name = "Users")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    Caller caller;

    @Inject
    UserService service;

    @GET
    @Operation(summary = "The signed-in user's profile (spec §4.2), preferences merged with the defaults")
    @APIResponse(responseCode = "200", description = "Profile")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED / INVALID_TOKEN")
    public ApiResponse<UserProfile> me() {
        return ApiResponse.ok(service.profile(caller.userId()));
    }
}
