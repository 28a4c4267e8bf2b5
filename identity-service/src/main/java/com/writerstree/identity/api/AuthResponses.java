package com.writerstree.identity.api;

import com.writerstree.identity.domain.auth.AuthService;

import java.util.UUID;

/** Response data of {@code /auth/*} (spec §4.1). */
public final class AuthResponses {

    private AuthResponses() {}

    /** The user as the login response shows it. */
    public record AuthUser(UUID id, String email, String fullName, boolean emailVerified, String tier) {}

    /** Register: the spec's fields plus the session the new account starts with (see README, "Decisions"). */
    public record Registered(UUID userId, String email, boolean emailVerified, AuthUser user, String token) {
        static Registered of(AuthService.Session session) {
            AuthUser user = session.user();
            return new Registered(
                    user.id(),
                    user.email(),
                    user.emailVerified(),
                    user,
                    session.token().token());
        }
    }

    public record LoggedIn(AuthUser user, String token) {
        static LoggedIn of(AuthService.Session session) {
            return new LoggedIn(session.user(), session.token().token());
        }
    }
}
