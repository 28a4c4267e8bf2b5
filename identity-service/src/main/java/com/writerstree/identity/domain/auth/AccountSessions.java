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

    /** The longest a sign-in waits for a user-wide revocation's second to end (it is at most one second). */
    private static final long MAX_WAIT_MILLIS = 1_100;

    private final TokenIssuer tokens;
    private final SessionRevocations revocations;

    public AccountSessions(TokenIssuer tokens, SessionRevocations revocations) {
        this.tokens = tokens;
        this.revocations = revocations;
    }

    Session start(Account account) {
        awaitRevocationSecond(account.id());
        SignedInUser user = new SignedInUser(
                account.id(), account.email(), account.fullName(), account.emailVerified(), account.tier());
        IssuedToken token = tokens.issue(
                new TokenIssuer.Subject(account.id(), account.email(), account.tier(), account.emailVerified()));
        return new Session(user, token);
    }

    /**
     * A user-wide revocation revokes every token issued up to the end of its second ({@link
     * SessionRevocations#revokeAll}); a session started within that second (Google sign-in right after it dropped an
     * unproven password, a login right after a reset) waits for the next second, so its {@code iat} is not revoked.
     */
    private void awaitRevocationSecond(UUID userId) {
        long validFrom = revocations.validFrom(userId);
        long waitMillis = validFrom * 1000 - System.currentTimeMillis();
        if (waitMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(waitMillis, MAX_WAIT_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
