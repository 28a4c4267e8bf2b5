package com.writerstree.identity.domain.auth;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.auth.AccountSessions.Account;
import com.writerstree.identity.domain.auth.AccountSessions.Session;
import com.writerstree.identity.domain.mail.AccountMailer;
import com.writerstree.identity.domain.user.FullNames;
import com.writerstree.identity.events.IdentityEventPublisher;
import com.writerstree.identity.persistence.EmailVerificationToken;
import com.writerstree.identity.persistence.EmailVerificationTokenRepository;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registration and email verification: a new unverified account with a short session, the verification link, its
 * redemption and its resending. bcrypt (slow by design) and SMTP run outside database transactions, so a connection
 * is held only for the few statements that need it.
 */
@ApplicationScoped
public class Registration {

    private static final Logger LOG = Logger.getLogger(Registration.class);

    private final UserRepository users;
    private final EmailVerificationTokenRepository verificationTokens;
    private final PasswordHasher hasher;
    private final MailThrottle mailThrottle;
    private final AccountMailer mailer;
    private final IdentityEventPublisher events;
    private final AccountSessions sessions;
    private final IdentityConfig config;

    public Registration(
            UserRepository users,
            EmailVerificationTokenRepository verificationTokens,
            PasswordHasher hasher,
            MailThrottle mailThrottle,
            AccountMailer mailer,
            IdentityEventPublisher events,
            AccountSessions sessions,
            IdentityConfig config) {
        this.users = users;
        this.verificationTokens = verificationTokens;
        this.hasher = hasher;
        this.mailThrottle = mailThrottle;
        this.mailer = mailer;
        this.events = events;
        this.sessions = sessions;
        this.config = config;
    }

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
            throw deletedAt.isPresent()
                    ? AccountErrors.pendingDeletion(
                            deletedAt.get(), config.deletion().grace())
                    : AccountErrors.emailTaken();
        }
        String passwordHash = hasher.hash(password);
        String verificationToken = OneTimeTokens.generate();
        Account account = QuarkusTransaction.requiringNew()
                .call(() -> createAccount(normalizedEmail, passwordHash, name, verificationToken));
        LOG.infof("Registered user %s", account.id());
        mailer.sendEmailVerification(account.id(), account.email(), account.fullName(), verificationToken);
        return sessions.start(account);
    }

    private Account createAccount(String email, String passwordHash, String fullName, String verificationToken) {
        Instant now = Instant.now();
        User user = User.register(email, passwordHash, fullName, now);
        try {
            users.persistAndFlush(user);
        } catch (PersistenceException e) {
            // two registrations of one email at once: the unique constraint decides, the loser gets a 409
            if (AccountErrors.violates(e, UserRepository.EMAIL_CONSTRAINT)) {
                throw AccountErrors.emailTaken();
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
            UUID userId = verificationTokens.redeem(tokenHash, now).orElseThrow(AccountErrors::invalidToken);
            User user = users.findActive(userId).orElseThrow(AccountErrors::invalidToken);
            if (user.markEmailVerified(now)) {
                events.userEmailVerified(userId);
                LOG.infof("Email verified for user %s", userId);
            }
        });
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
        pending.ifPresent(account -> AccountMailer.inBackground(
                () -> mailer.sendEmailVerification(account.id(), account.email(), account.fullName(), token)));
    }
}
