package com.writerstree.identity.domain.auth;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.auth.AccountSessions.Account;
import com.writerstree.identity.domain.mail.AccountMailer;
import com.writerstree.identity.events.IdentityEventPublisher;
import com.writerstree.identity.persistence.PasswordResetToken;
import com.writerstree.identity.persistence.PasswordResetTokenRepository;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** "Forgot password": the mailed reset link and the new password set with it. */
@ApplicationScoped
public class PasswordReset {

    private static final Logger LOG = Logger.getLogger(PasswordReset.class);

    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final PasswordHasher hasher;
    private final LoginLockout lockout;
    private final SessionRevocations revocations;
    private final AccountMailer mailer;
    private final IdentityEventPublisher events;
    private final IdentityConfig config;

    public PasswordReset(
            UserRepository users,
            PasswordResetTokenRepository resetTokens,
            PasswordHasher hasher,
            LoginLockout lockout,
            SessionRevocations revocations,
            AccountMailer mailer,
            IdentityEventPublisher events,
            IdentityConfig config) {
        this.users = users;
        this.resetTokens = resetTokens;
        this.hasher = hasher;
        this.lockout = lockout;
        this.revocations = revocations;
        this.mailer = mailer;
        this.events = events;
        this.config = config;
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
            AccountMailer.inBackground(() -> mailer.sendPasswordReset(a.id(), a.email(), a.fullName(), token));
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
            throw AccountErrors.invalidToken();
        }
        CredentialRules.requireAcceptablePassword("newPassword", newPassword);
        String passwordHash = hasher.hash(newPassword);
        Account account = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            UUID userId = resetTokens.redeem(tokenHash, now).orElseThrow(AccountErrors::invalidToken);
            User user = users.findActive(userId).orElseThrow(AccountErrors::invalidToken);
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
}
