package com.writerstree.identity.api;

import com.writerstree.identity.domain.auth.AccountSessions.Session;
import com.writerstree.identity.domain.auth.AccountSessions.SignedInUser;
import java.util.UUID;

/** Response data of {@code /auth/*} (spec §4.1); {@code user} is {@code {id, email, fullName, emailVerified, tier}}. */
public final class AuthResponses {

    private AuthResponses() {}

    /** Register: the spec's fields plus the session the new account starts with (see README, "Decisions"). */
    public record Registered(UUID userId, String email, boolean emailVerified, SignedInUser user, String token) {
        static Registered of(Session session) {
            SignedInUser user = session.user();
            return new Registered(
                    user.id(),
                    user.email(),
                    user.emailVerified(),
                    user,
                    session.token().token());
        }
    }

    public record LoggedIn(SignedInUser user, String token) {
        static LoggedIn of(Session session) {
            return new LoggedIn(session.user(), session.token().token());
        }
    }
}
