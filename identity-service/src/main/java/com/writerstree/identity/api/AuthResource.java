package com.writerstree.identity.api;

import com.writerstree.identity.api.AuthResponses.LoggedIn;
import com.writerstree.identity.api.AuthResponses.Registered;
import com.writerstree.identity.domain.auth.AccountSessions.Session;
import com.writerstree.identity.domain.auth.GoogleSignIn;
import com.writerstree.identity.domain.auth.Logout;
import com.writerstree.identity.domain.auth.PasswordLogin;
import com.writerstree.identity.domain.auth.PasswordReset;
import com.writerstree.identity.domain.auth.Registration;
import com.writerstree.identity.domain.deletion.AccountDeletion;
import com.writerstree.platform.web.ApiResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/auth")
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final Registration registration;
    private final PasswordLogin passwordLogin;
    private final PasswordReset passwordReset;
    private final GoogleSignIn googleSignIn;
    private final Logout logout;
    private final AccountDeletion deletion;
    private final AuthCookie cookie;
    private final ClientAddresses addresses;

    public AuthResource(
            Registration registration,
            PasswordLogin passwordLogin,
            PasswordReset passwordReset,
            GoogleSignIn googleSignIn,
            Logout logout,
            AccountDeletion deletion,
            AuthCookie cookie,
            ClientAddresses addresses) {
        this.registration = registration;
        this.passwordLogin = passwordLogin;
        this.passwordReset = passwordReset;
        this.googleSignIn = googleSignIn;
        this.logout = logout;
        this.deletion = deletion;
        this.cookie = cookie;
        this.addresses = addresses;
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create an account; mails a verification link and starts a 24 h session")
    @APIResponse(
            responseCode = "201",
            description =
                    "Created; data has userId, email, emailVerified, user, token;" + " the auth_token cookie is set")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR, INVALID_EMAIL or WEAK_PASSWORD")
    @APIResponse(responseCode = "409", description = "ALREADY_EXISTS: the email has an account")
    public Response register(@Valid @NotNull(message = "is required") AuthRequests.Register body) {
        Session session = registration.register(body.email(), body.password(), body.fullName());
        return withSession(
                Response.status(Response.Status.CREATED),
                session,
                ApiResponse.ok("Account created. Please verify your email.", Registered.of(session)));
    }

    @POST
    @Path("/login")
    @Operation(summary = "Sign in with email and password; sets the auth_token cookie (7 days)")
    @APIResponse(responseCode = "200", description = "data has user and token; the auth_token cookie is set")
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS (unknown email or wrong password alike)")
    @APIResponse(responseCode = "403", description = "EMAIL_NOT_VERIFIED (only after a correct password)")
    @APIResponse(
            responseCode = "429",
            description = "RATE_LIMIT_EXCEEDED + Retry-After: too many failures from this address for this account,"
                    + " or the account is under a distributed attack and this address never signed in to it")
    public Response login(
            @Valid @NotNull(message = "is required") AuthRequests.Login body, @Context HttpServerRequest request) {
        Session session = passwordLogin.login(body.email(), body.password(), addresses.of(request));
        return withSession(Response.ok(), session, ApiResponse.ok(LoggedIn.of(session)));
    }

    @POST
    @Path("/verify-email")
    @Operation(summary = "Confirm an email address with the token from the verification mail (single use)")
    @APIResponse(responseCode = "200", description = "Email verified successfully.")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: invalid or expired token")
    public ApiResponse<Void> verifyEmail(@Valid @NotNull(message = "is required") AuthRequests.VerifyEmail body) {
        registration.verifyEmail(body.token());
        return ApiResponse.message("Email verified successfully.");
    }

    @POST
    @Path("/cancel-deletion")
    @Operation(
            summary = "Restore a deleted account inside its grace period with the token of the cancel link in the"
                    + " deletion mail (single use); the writer then signs in again")
    @APIResponse(responseCode = "200", description = "Account restored.")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: invalid, used or expired token")
    public ApiResponse<Void> cancelDeletion(@Valid @NotNull(message = "is required") CancelDeletionRequest body) {
        deletion.cancel(body.token());
        return ApiResponse.message("Account restored. Please sign in again.");
    }

    @POST
    @Path("/resend-verification")
    @Operation(
            summary = "Mail a new verification link (24 h) to an unverified account; older links stop working."
                    + " At most one mail per address per minute. Always 200, whether or not the address has an account")
    @APIResponse(responseCode = "200", description = "Verification email sent.")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: email missing")
    public ApiResponse<Void> resendVerification(@Valid @NotNull(message = "is required") AuthRequests.EmailOnly body) {
        registration.resendVerification(body.email());
        return ApiResponse.message("Verification email sent.");
    }

    @POST
    @Path("/forgot-password")
    @Operation(summary = "Mail a password reset link (1 h, single use). Always 200 (no email enumeration)")
    @APIResponse(responseCode = "200", description = "Password reset email sent.")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: email missing")
    public ApiResponse<Void> forgotPassword(@Valid @NotNull(message = "is required") AuthRequests.EmailOnly body) {
        passwordReset.forgotPassword(body.email());
        return ApiResponse.message("Password reset email sent.");
    }

    @POST
    @Path("/reset-password")
    @Operation(
            summary = "Set a new password with the token from the reset mail; signs out every session of the"
                    + " account, lifts a login lockout and marks the email verified")
    @APIResponse(responseCode = "200", description = "Password reset successfully.")
    @APIResponse(
            responseCode = "400",
            description = "VALIDATION_ERROR \"Invalid or expired token\" (details.field"
                    + " token), WEAK_PASSWORD (details.field newPassword)")
    public ApiResponse<Void> resetPassword(@Valid @NotNull(message = "is required") AuthRequests.ResetPassword body) {
        passwordReset.resetPassword(body.token(), body.newPassword());
        return ApiResponse.message("Password reset successfully.");
    }

    @POST
    @Path("/google")
    @Operation(
            summary = "Sign in with a Google ID token: signs in the linked account, links the account with that"
                    + " email, or creates one; same answer as /auth/login")
    @APIResponse(responseCode = "200", description = "data has user and token; the auth_token cookie is set")
    @APIResponse(
            responseCode = "401",
            description = "INVALID_TOKEN: bad signature, audience, issuer, expired,"
                    + " malformed, or the Google email is not verified")
    @APIResponse(
            responseCode = "409",
            description = "ALREADY_EXISTS: the email belongs to a deleted account or is"
                    + " linked to another Google account")
    @APIResponse(
            responseCode = "503",
            description = "EXTERNAL_SERVICE_ERROR: Google sign-in not configured, or" + " Google's keys unreachable")
    public Response google(@Valid @NotNull(message = "is required") AuthRequests.Google body) {
        Session session = googleSignIn.signIn(body.googleToken());
        return withSession(Response.ok(), session, ApiResponse.ok(LoggedIn.of(session)));
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Revoke the presented session (cookie and/or bearer) until it expires and clear the cookie;"
                    + " always 200, also without a (valid) token")
    @APIResponse(responseCode = "200", description = "Logged out successfully.; Set-Cookie clears auth_token")
    public Response logout(
            @CookieParam(AuthCookie.NAME) String cookieToken,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        List<String> tokens = new ArrayList<>();
        tokens.add(cookieToken);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.add(authorization.substring(7));
        }
        logout.logout(tokens);
        return Response.ok(ApiResponse.message("Logged out successfully."))
                .header(HttpHeaders.SET_COOKIE, cookie.cleared())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Response withSession(Response.ResponseBuilder response, Session session, Object body) {
        return response.header(HttpHeaders.SET_COOKIE, cookie.carrying(session.token()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body)
                .build();
    }
}
