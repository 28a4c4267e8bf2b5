package com.writerstree.identity.api;

import com.writerstree.identity.domain.deletion.AccountDeletion;
import com.writerstree.identity.domain.user.UserService;
import com.writerstree.platform.security.Caller;
import com.writerstree.platform.web.ApiResponse;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/users/me")
@Tag(name = "Users")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final Caller caller;
    private final UserService service;
    private final AccountDeletion deletion;

    public UserResource(Caller caller, UserService service, AccountDeletion deletion) {
        this.caller = caller;
        this.service = service;
        this.deletion = deletion;
    }

    @GET
    @Operation(summary = "The signed-in user's profile (spec §4.2), preferences merged with the defaults")
    @APIResponse(responseCode = "200", description = "Profile")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED / INVALID_TOKEN (also a revoked session)")
    public ApiResponse<UserProfile> me() {
        return ApiResponse.ok(UserProfile.of(service.profile(activeCaller()), Instant.now()));
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
        return ApiResponse.ok(
                "Profile updated successfully.",
                UserProfile.of(service.update(userId, body.fullName(), body.preferences()), Instant.now()));
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Delete the account (spec §4.2): confirmed with the password (Google-only accounts: a fresh"
                    + " Google ID token); starts the data export, soft-deletes, revokes every session, mails the"
                    + " export link and a cancel link; erased for good after the grace period (30 days)")
    @APIResponse(
            responseCode = "200",
            description = "Account deleted successfully.; dataExportUrl (7 days), data: exportJobId, purgeAt")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: password (or googleToken) missing")
    @APIResponse(
            responseCode = "401",
            description = "INVALID_CREDENTIALS: wrong password; INVALID_TOKEN: wrong or old Google token, or session")
    @APIResponse(
            responseCode = "503",
            description = "EXTERNAL_SERVICE_ERROR: the export could not start; nothing deleted")
    public AccountDeleted delete(@Valid DeleteAccountRequest body) {
        AccountDeletion.DeletionStarted started = body == null
                ? deletion.delete(activeCaller(), null, null)
                : deletion.delete(activeCaller(), body.password(), body.googleToken());
        return AccountDeleted.of(
                started.dataExportUrl(), started.exportJobId(), started.exportExpiresAt(), started.purgeAt());
    }

    /** The caller; revoked sessions (logout, password reset) were refused by platform's RevocationAugmentor. */
    private UUID activeCaller() {
        return caller.userId();
    }
}
