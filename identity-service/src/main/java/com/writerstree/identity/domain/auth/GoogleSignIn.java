package com.writerstree.identity.domain.auth;

import com.writerstree.identity.client.GoogleIdTokens;
import com.writerstree.identity.client.GoogleIdTokens.GoogleIdentity;
import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.auth.AccountSessions.Account;
import com.writerstree.identity.domain.auth.AccountSessions.Session;
import com.writerstree.identity.domain.user.FullNames;
import com.writerstree.identity.events.IdentityEventPublisher;
import com.writerstree.identity.persistence.EmailVerificationTokenRepository;
import com.writerstree.identity.persistence.PasswordResetTokenRepository;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Google sign-in: the account linked to the Google id signs in; else the account with the (Google-verified) email is
 * linked and marked verified (an unverified account loses its password and sessions first: they were never proven
 * to be the owner's); else a password-less, verified account is created.
 */
@ApplicationScoped
public class GoogleSignIn {

    private static final Logger LOG = Logger.getLogger(GoogleSignIn.class);

    private final GoogleIdTokens googleTokens;
    private final UserRepository users;
    private final EmailVerificationTokenRepository verificationTokens;
    private final PasswordResetTokenRepository resetTokens;
    private final SessionRevocations revocations;
    private final IdentityEventPublisher events;
    private final AccountSessions sessions;
    private final IdentityConfig config;

    public GoogleSignIn(
            GoogleIdTokens googleTokens,
            UserRepository users,
            EmailVerificationTokenRepository verificationTokens,
            PasswordResetTokenRepository resetTokens,
            SessionRevocations revocations,
            IdentityEventPublisher events,
            AccountSessions sessions,
            IdentityConfig config) {
        this.googleTokens = googleTokens;
        this.users = users;
        this.verificationTokens = verificationTokens;
        this.resetTokens = resetTokens;
        this.revocations = revocations;
        this.events = events;
        this.sessions = sessions;
        this.config = config;
    }

    public Session signIn(String googleToken) {
        GoogleIdentity google = googleTokens.verify(googleToken);
        String email = CredentialRules.normalizeEmail(google.email());
        Account account = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            User user = users.findActiveByGoogleId(google.googleId()).orElse(null);
            if (user == null) {
                user = users.findByEmail(email)
                        .map(existing -> link(existing, google, now))
                        .orElseGet(() -> createAccount(email, google, now));
            }
            user.recordLogin(now);
            return Account.of(user, now);
        });
        LOG.infof("User %s signed in with Google", account.id());
        return sessions.start(account);
    }

    private User link(User user, GoogleIdentity google, Instant now) {
        if (user.deletedAt != null) {
            throw AccountErrors.accountDeleted(user.deletedAt, config.deletion().grace());
        }
        if (user.googleId != null && !user.googleId.equals(google.googleId())) {
            throw new ApiException(
                    ErrorCode.ALREADY_EXISTS,
                    "This email is linked to another Google account",
                    Map.of("field", "email"));
        }
        boolean newlyVerified = !user.emailVerified;
        if (newlyVerified && user.passwordHash != null) {
            // Nobody ever proved that whoever chose this password owns the address (issue #8: a stranger can
            // register someone's address first). Google just proved the owner: the unproven password, the
            // sessions it started and its open mail links end here (revoking before the commit, like a reset).
            user.changePassword(null, now);
            verificationTokens.invalidateOpen(user.id, now);
            resetTokens.invalidateOpen(user.id, now);
            revocations.revokeAll(user.id);
            LOG.infof("Unverified password of user %s dropped and its sessions revoked on Google link", user.id);
        }
        user.linkGoogle(google.googleId(), now);
        if (newlyVerified) {
            events.userEmailVerified(user.id);
        }
        LOG.infof("Google account linked to user %s", user.id);
        return user;
    }

    private User createAccount(String email, GoogleIdentity google, Instant now) {
        // Google's profile name is taken only when it is a name by our rules; else the writer can set one later
        String name = FullNames.forMail(google.name());
        User user = User.registerWithGoogle(email, google.googleId(), name, now);
        try {
            users.persistAndFlush(user);
        } catch (PersistenceException e) {
            if (AccountErrors.violates(e, UserRepository.EMAIL_CONSTRAINT)
                    || AccountErrors.violates(e, UserRepository.GOOGLE_ID_CONSTRAINT)) {
                throw AccountErrors.emailTaken();
            }
            throw e;
        }
        events.userRegistered(user.id, user.effectiveTier(now));
        events.userEmailVerified(user.id);
        LOG.infof("Registered user %s with Google", user.id);
        return user;
    }
}
