package com.writerstree.identity.auth;

import com.writerstree.identity.auth.AuthResponses.LoggedIn;
import com.writerstree.identity.auth.AuthResponses.Registered;
import com.writerstree.identity.auth.AuthService.Session;
import com.writerstree.platform.web.ApiResponse;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/auth")
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AuthService service;

    @Inject
    AuthCookie cookie;

    @POST
    @Path("/register")
    @Operation(summary = "Create an account; mails a verification link and starts a 24 h session")
    @APIResponse(responseCode = "201", description = "Created; data has userId, email, emailVerified, user, token;"
            + " the auth_token cookie is set")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR, INVALID_EMAIL or WEAK_PASSWORD")
    @APIResponse(responseCode = "409", description = "ALREADY_EXISTS: the email has an account")
    public Response register(@Valid @NotNull(message = "is required") AuthRequests.Register body) {
        Session session = service.register(body.email(), body.password(), body.fullName());
        return withSession(Response.status(Response.Status.CREATED), session,
                ApiResponse.ok("Account created. Please verify your email.", Registered.of(session)));
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in with email and password; sets the auth_token cookie (7 days)")
    @APIResponse(responseCode = "200", description = "data has user and token; the auth_token cookie is set")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS (unknown email or wrong password alike)")
    @APIResponse(responseCode = "403", description = "EMAIL_NOT_VERIFIED (only after a correct password)")
    public Response login(@Valid @NotNull(message = "is required") AuthRequests.Login body) {
        Session session = service.login(body.email(), body.password());
        return withSession(Response.ok(), session, ApiResponse.ok(LoggedIn.of(session)));
    }

    @POST
    @Path("/verify-email")
    @Operation(summary = "Confirm an email address with the token from the verification mail (single use)")
    @APIResponse(responseCode = "200", description = "Email verified successfully.")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: invalid or expired token")
    public ApiResponse<Void> verifyEmail(@Valid @NotNull(message = "is required") AuthRequests.VerifyEmail body) {
        service.verifyEmail(body.token());
        return ApiResponse.message("Email verified successfully.");
    }

    private Response withSession(Response.ResponseBuilder response, Session session, Object body) {
        return response.header(HttpHeaders.SET_COOKIE, cookie.carrying(session.token()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body)
                .build();
    }
}
