package com.writerstree.identity.domain.auth;

import com.writerstree.identity.client.GoogleIdTokens;

import com.writerstree.identity.api.AuthResponses.AuthUser;
import com.writerstree.identity.client.GoogleIdTokens.GoogleIdentity;
import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.events.IdentityEventPublisher;
import com.writerstree.identity.domain.mail.AccountMailer;
import com.writerstree.identity.domain.auth.SessionRevocations;
import com.writerstree.identity.domain.token.TokenIssuer;
import com.writerstree.identity.domain.token.TokenIssuer.IssuedToken;
import com.writerstree.identity.domain.user.FullNames;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.identity.persistence.EmailVerificationToken;
import com.writerstree.identity.persistence.EmailVerificationTokenRepository;
import com.writerstree.identity.domain.auth.OneTimeTokens;
import com.writerstree.identity.persistence.PasswordResetToken;
import com.writerstree.identity.persistence.PasswordResetTokenRepository;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Registration, email verification and password login. bcrypt (slow by design) and SMTP run outside
 * database transactions, so a connection is held only for the few statements that need it.
 */
@ApplicationScoped
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class);

    /** A signed-in user and the token of the session. */
    public record Session(AuthUser user, IssuedToken token) {}

    /** What the flows need to know about an account, read inside a transaction and used after it. */
    private record Account(
            UUID id, String email, String fullName, boolean emailVerified, String tier, String passwordHash) {
        static Account of(User user, Instant now) {
            return new Account(
                    user.id,
                    user.email,
                    user.fullName,
                    user.emailVerified,
                    user.effectiveTier(now),
                    user.passwordHash);
        }
    }

    @Inject
    UserRepository users;

    @Inject
    EmailVerificationTokenRepository verificationTokens;

    @Inject
    PasswordResetTokenRepository resetTokens;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginLockout lockout;

    @Inject
    MailThrottle mailThrottle;

    @Inject
    SessionRevocations revocations;

    @Inject
    GoogleIdTokens googleTokens;

    @Inject
    JWTParser sessionTokens;

    @Inject
    TokenIssuer tokens;

    @Inject
    AccountMailer mailer;

    @Inject
    IdentityEventPublisher events;

    @Inject
    IdentityConfig config;

    /**
     * Creates an unverified account, mails the verification link and starts a short session. The account,
     * its verification token and UserRegistered commit together; the mail is sent after the commit and its
     * failure does not undo the registration.
     */
    public Session register(String email, String password, String fullName) {
        String normalizedEmail = CredentialRules.normalizeEmail(email);
        CredentialRules.requireAcceptable(normalizedEmail, password);
        String name = FullNames.normalize("fullName", fullName);
        Optional<Instant> deletedAt = QuarkusTransaction.requiringNew()
                .call(() -> users.findByEmail(normalizedEmail).map(u -> Optional.ofNullable(u.deletedAt)))
                .orElse(null);
        if (deletedAt != null) {
            throw deletedAt.isPresent() ? pendingDeletion(deletedAt.get()) : emailTaken();
        }
        String passwordHash = hasher.hash(password);
        String verificationToken = OneTimeTokens.generate();
        Account account = QuarkusTransaction.requiringNew()
                .call(() -> createAccount(normalizedEmail, passwordHash, name, verificationToken));
        LOG.infof("Registered user %s", account.id());
        mailer.sendEmailVerification(account.id(), account.email(), account.fullName(), verificationToken);
        return session(account);
    }

    private Account createAccount(String email, String passwordHash, String fullName, String verificationToken) {
        Instant now = Instant.now();
        User user = User.register(email, passwordHash, fullName, now);
        try {
            users.persistAndFlush(user);
        } catch (PersistenceException e) {
            // two registrations of one email at once: the unique constraint decides, the loser gets a 409
            if (violates(e, UserRepository.EMAIL_CONSTRAINT)) {
                throw emailTaken();
            }
            throw e;
        }
        verificationTokens.persist(new EmailVerificationToken(
                user.id,
                OneTimeTokens.hash(verificationToken),
                now,
                config.verification().tokenLifetime()));
        events.userRegistered(user.id, user.effectiveTier(now));
        return Account.of(user, now);
    }

    /** Redeems a verification token (single use) and marks the account verified. */
    public void verifyEmail(String token) {
        String tokenHash = OneTimeTokens.hash(token.strip());
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            UUID userId = verificationTokens.redeem(tokenHash, now).orElseThrow(AuthService::invalidToken);
            User user = users.findActive(userId).orElseThrow(AuthService::invalidToken);
            if (user.markEmailVerified(now)) {
                events.userEmailVerified(userId);
                LOG.infof("Email verified for user %s", userId);
            }
        });
    }

    /**
     * Checks the password and starts a session. An unknown email and a wrong password answer alike and take
     * alike long (a dummy hash is checked when there is no account); "not verified" is only told to someone
     * who knows the password. An address that must wait (its own failures, or the account's pacing, see
     * {@link LoginLockout}) is answered 429 before the password is looked at, so a lock is no password oracle.
     */
    public Session login(String email, String password, String address) {
        String normalizedEmail = CredentialRules.normalizeEmail(email);
        OptionalLong locked = lockout.retryAfter(normalizedEmail, address);
        if (locked.isPresent()) {
            throw new RetryLaterException(
                    "Too many failed sign-ins. Try again later or reset your password.", locked.getAsLong());
        }
        Optional<User> stored = QuarkusTransaction.requiringNew().call(() -> users.findByEmail(normalizedEmail));
        Optional<Account> found = stored.map(u -> Account.of(u, Instant.now()));
        boolean matches =
                hasher.matches(password, found.map(Account::passwordHash).orElse(null));
        if (!matches || found.isEmpty()) {
            lockout.recordFailure(normalizedEmail, address);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS);
        }
        lockout.recordSuccess(normalizedEmail, address);
        if (stored.get().deletedAt != null) {
            // only someone who knows the password learns that the account is being deleted
            throw accountDeleted(stored.get().deletedAt);
        }
        Account account = found.get();
        if (!account.emailVerified()) {
            throw new ApiException(ErrorCode.EMAIL_NOT_VERIFIED);
        }
        QuarkusTransaction.requiringNew()
                .run(() -> users.findActive(account.id()).ifPresent(u -> u.recordLogin(Instant.now())));
        LOG.infof("User %s signed in with a password", account.id());
        return session(account);
    }

    /**
     * Mails a new verification link to an existing, unverified account (older links stop working), at most one
     * per address per {@code identity.verification.resend-interval}. Says nothing about whether the address has
     * an account: the caller always answers 200, and the mail goes out in the background.
     */
    public void resendVerification(String email) {
        String normalizedEmail = CredentialRules.normalizeEmail(email);
        if (!CredentialRules.isValidEmail(normalizedEmail)
                || !mailThrottle.claim(
                        "resend", normalizedEmail, config.verification().resendInterval())) {
            return;
        }
        String token = OneTimeTokens.generate();
        Optional<Account> pending = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            return users.findActiveByEmail(normalizedEmail)
                    .filter(u -> !u.emailVerified)
                    .map(user -> {
                        verificationTokens.invalidateOpen(user.id, now);
                        verificationTokens.persist(new EmailVerificationToken(
                                user.id,
                                OneTimeTokens.hash(token),
                                now,
                                config.verification().tokenLifetime()));
                        return Account.of(user, now);
                    });
        });
        pending.ifPresent(account -> inBackground(
                () -> mailer.sendEmailVerification(account.id(), account.email(), account.fullName(), token)));
    }

    /**
     * Mails a password reset link (1 h, single use; older links stop working) to an existing account, verified or
     * not. The caller always answers 200 and the mail goes out in the background, so neither the answer nor its
     * timing tells whether the address has an account.
     */
    public void forgotPassword(String email) {
        String normalizedEmail = CredentialRules.normalizeEmail(email);
        if (!CredentialRules.isValidEmail(normalizedEmail)) {
            return;
        }
        String token = OneTimeTokens.generate();
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            return users.findActiveByEmail(normalizedEmail).map(user -> {
                resetTokens.invalidateOpen(user.id, now);
                resetTokens.persist(new PasswordResetToken(
                        user.id,
                        OneTimeTokens.hash(token),
                        now,
                        config.passwordReset().tokenLifetime()));
                return Account.of(user, now);
            });
        });
        account.ifPresent(a -> {
            LOG.infof("Password reset requested for user %s", a.id());
            inBackground(() -> mailer.sendPasswordReset(a.id(), a.email(), a.fullName(), token));
        });
    }

    /**
     * Sets a new password with a reset token (single use). The mail proved that the user owns the address, so
     * the email counts as verified. Every existing session of the user is revoked (before the commit: a reset
     * that cannot revoke them does not happen), and a login lockout of the address is lifted.
     */
    public void resetPassword(String token, String newPassword) {
        String tokenHash = OneTimeTokens.hash(token.strip());
        if (!QuarkusTransaction.requiringNew().call(() -> resetTokens.isRedeemable(tokenHash, Instant.now()))) {
            throw invalidToken();
        }
        CredentialRules.requireAcceptablePassword("newPassword", newPassword);
        String passwordHash = hasher.hash(newPassword);
        Account account = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            UUID userId = resetTokens.redeem(tokenHash, now).orElseThrow(AuthService::invalidToken);
            User user = users.findActive(userId).orElseThrow(AuthService::invalidToken);
            user.changePassword(passwordHash, now);
            resetTokens.invalidateOpen(userId, now);
            if (user.markEmailVerified(now)) {
                events.userEmailVerified(userId);
            }
            revocations.revokeAll(userId);
            return Account.of(user, now);
        });
        lockout.clear(account.email());
        LOG.infof("Password of user %s reset; all sessions revoked", account.id());
    }

    /**
     * Revokes the sessions of the given tokens (cookie and/or bearer) that are valid: their {@code jti} stays on
     * the deny list until they expire. Invalid, expired or missing tokens are ignored: logging out always works.
     */
    public void logout(List<String> presentedTokens) {
        for (String raw : presentedTokens) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            JsonWebToken token;
            try {
                token = sessionTokens.parse(raw.strip());
            } catch (ParseException e) {
                continue; // not a session of ours (or already expired): nothing to revoke
            }
            if (token.getTokenID() == null || token.getSubject() == null) {
                continue;
            }
            UUID userId;
            try {
                userId = UUID.fromString(token.getSubject());
            } catch (IllegalArgumentException e) {
                continue;
            }
            revocations.revoke(token.getTokenID(), userId, Instant.ofEpochSecond(token.getExpirationTime()));
        }
    }

    /**
     * Google sign-in: the account linked to the Google id signs in; else the account with the (Google-verified)
     * email is linked and marked verified (an unverified account loses its password and sessions first: they were
     * never proven to be the owner's); else a password-less, verified account is created.
     */
    public Session google(String googleToken) {
        GoogleIdentity google = googleTokens.verify(googleToken);
        String email = CredentialRules.normalizeEmail(google.email());
        Account account = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            User user = users.findActiveByGoogleId(google.googleId()).orElse(null);
            if (user == null) {
                user = users.findByEmail(email)
                        .map(existing -> linkGoogle(existing, google, now))
                        .orElseGet(() -> createGoogleAccount(email, google, now));
            }
            user.recordLogin(now);
            return Account.of(user, now);
        });
        LOG.infof("User %s signed in with Google", account.id());
        return session(account);
    }

    private User linkGoogle(User user, GoogleIdentity google, Instant now) {
        if (user.deletedAt != null) {
            throw accountDeleted(user.deletedAt);
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

    private User createGoogleAccount(String email, GoogleIdentity google, Instant now) {
        // Google's profile name is taken only when it is a name by our rules; else the writer can set one later
        String name = FullNames.forMail(google.name());
        User user = User.registerWithGoogle(email, google.googleId(), name, now);
        try {
            users.persistAndFlush(user);
        } catch (PersistenceException e) {
            if (violates(e, UserRepository.EMAIL_CONSTRAINT) || violates(e, "uq_users_google_id")) {
                throw emailTaken();
            }
            throw e;
        }
        events.userRegistered(user.id, user.effectiveTier(now));
        events.userEmailVerified(user.id);
        LOG.infof("Registered user %s with Google", user.id);
        return user;
    }

    /** Mails go out on a worker thread after the answer: its timing must not tell whether an account exists. */
    private static void inBackground(Runnable mail) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                mail.run();
            } catch (RuntimeException e) {
                LOG.warnf("Background mail failed (%s)", e.getClass().getSimpleName());
            }
        });
    }

    private Session session(Account account) {
        AuthUser user = new AuthUser(
                account.id(), account.email(), account.fullName(), account.emailVerified(), account.tier());
        IssuedToken token = tokens.issue(
                new TokenIssuer.Subject(account.id(), account.email(), account.tier(), account.emailVerified()));
        return new Session(user, token);
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve
                    && cve.getConstraintName() != null
                    && cve.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static ApiException emailTaken() {
        return new ApiException(
                ErrorCode.ALREADY_EXISTS, "An account with this email already exists", Map.of("field", "email"));
    }

    /**
     * 403 ACCOUNT_DELETED: the right credentials of an account in its grace period; the cancel link in the deletion
     * mail restores it until {@code details.purgeAt}.
     */
    private ApiException accountDeleted(Instant deletedAt) {
        return new ApiException(
                ErrorCode.ACCOUNT_DELETED,
                "This account was deleted and will be erased for good; use the link in the deletion mail to restore it",
                Map.of("purgeAt", deletedAt.plus(config.deletion().grace()).toString()));
    }

    /** 409 for an address whose account is in its grace period: it can be registered again after the purge. */
    private ApiException pendingDeletion(Instant deletedAt) {
        return new ApiException(
                ErrorCode.ALREADY_EXISTS,
                "An account with this email was deleted and is waiting to be erased; the address can be registered"
                        + " again after the erasure, or the account restored with the link in the deletion mail",
                Map.of(
                        "field",
                        "email",
                        "reason",
                        "pendingDeletion",
                        "availableAfter",
                        deletedAt.plus(config.deletion().grace()).toString()));
    }

    private static ApiException invalidToken() {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid or expired token", Map.of("field", "token"));
    }
}
