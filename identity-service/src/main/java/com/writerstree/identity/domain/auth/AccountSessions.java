package com.writerstree.identity.domain.auth;

import com.writerstree.identity.domain.token.TokenIssuer;
import com.writerstree.identity.domain.token.TokenIssuer.IssuedToken;
import com.writerstree.identity.persistence.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Starts the session every sign-in flow ends with (register, password login, Google sign-in). */
@ApplicationScoped
public class AccountSessions {

    /** The user as a sign-in answer shows it. */
    public record SignedInUser(UUID id, String email, String fullName, boolean emailVerified, String tier) {}

    /** A signed-in user and the token of the session. */
    public record Session(SignedInUser user, IssuedToken token) {}

    /** What the flows need to know about an account, read inside a transaction and used after it. */
    record Account(UUID id, String email, String fullName, boolean emailVerified, String tier, String passwordHash) {
        static Account of(User user, Instant now) {
            return new Account(
                    user.id, user.email, user.fullName, user.emailVerified, user.effectiveTier(now), user.passwordHash);
        }
    }

    private final TokenIssuer tokens;

    public AccountSessions(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    Session start(Account account) {
        SignedInUser user = new SignedInUser(
                account.id(), account.email(), account.fullName(), account.emailVerified(), account.tier());
        IssuedToken token = tokens.issue(
                new TokenIssuer.Subject(account.id(), account.email(), account.tier(), account.emailVerified()));
        return new Session(user, token);
    }
}
