package com.writerstree.identity.user;

import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.ApiResponse;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
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
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED / INVALID_TOKEN (also a revoked session)")
    public ApiResponse<UserProfile> me() {
        return ApiResponse.ok(service.profile(activeCaller()));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename and/or change preferences; preferences are merged into the stored ones")
    @APIResponse(
            responseCode = "200",
            description = "Profile updated successfully.; data is the profile as GET shows it")
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_ERROR: fullName too long, unknown preference key"
                    + " (details.field preferences.<key>) or a value of the wrong type/range")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED / INVALID_TOKEN (also a revoked session)")
    public ApiResponse<UserProfile> update(@NotNull(message = "is required") ProfileUpdate body) {
        UUID userId = activeCaller();
        return ApiResponse.ok("Profile updated successfully.", service.update(userId, body));
    }

    /** The caller; revoked sessions (logout, password reset) were refused by platform's RevocationAugmentor. */
    private UUID activeCaller() {
        return caller.userId();
    }
}
