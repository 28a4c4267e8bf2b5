package com.writerstree.identity.auth;

import com.writerstree.identity.auth.AuthResponses.AuthUser;
import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.event.IdentityEventPublisher;
import com.writerstree.identity.mail.AccountMailer;
import com.writerstree.identity.token.TokenIssuer;
import com.writerstree.identity.token.TokenIssuer.IssuedToken;
import com.writerstree.identity.user.User;
import com.writerstree.identity.user.UserRepository;
import com.writerstree.identity.verification.EmailVerificationToken;
import com.writerstree.identity.verification.EmailVerificationTokenRepository;
import com.writerstree.identity.verification.OneTimeTokens;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    private record Account(UUID id, String email, String fullName, boolean emailVerified, String tier,
            String passwordHash) {
        static Account of(User user, Instant now) {
            return new Account(user.id(), user.email(), user.fullName(), user.emailVerified(),
                    user.effectiveTier(now), user.passwordHash());
        }
    }

    @Inject
    UserRepository users;

    @Inject
    EmailVerificationTokenRepository verificationTokens;

    @Inject
    PasswordHasher hasher;

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
        String name = fullName == null || fullName.isBlank() ? null : fullName.strip();
        if (QuarkusTransaction.requiringNew().call(() -> users.emailTaken(normalizedEmail))) {
            throw emailTaken();
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
        verificationTokens.persist(new EmailVerificationToken(user.id(), OneTimeTokens.hash(verificationToken), now,
                config.verification().tokenLifetime()));
        events.userRegistered(user.id(), user.effectiveTier(now));
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
     * who knows the password.
     */
    public Session login(String email, String password) {
        String normalizedEmail = CredentialRules.normalizeEmail(email);
        Optional<Account> found = QuarkusTransaction.requiringNew()
                .call(() -> users.findActiveByEmail(normalizedEmail).map(u -> Account.of(u, Instant.now())));
        boolean matches = hasher.matches(password, found.map(Account::passwordHash).orElse(null));
        if (!matches || found.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS);
        }
        Account account = found.get();
        if (!account.emailVerified()) {
            throw new ApiException(ErrorCode.EMAIL_NOT_VERIFIED);
        }
        QuarkusTransaction.requiringNew().run(() -> users.findActive(account.id()).ifPresent(u -> u.recordLogin(Instant.now())));
        return session(account);
    }

    private Session session(Account account) {
        AuthUser user = new AuthUser(account.id(), account.email(), account.fullName(), account.emailVerified(),
                account.tier());
        IssuedToken token = tokens.issue(new TokenIssuer.Subject(account.id(), account.email(), account.tier(),
                account.emailVerified()));
        return new Session(user, token);
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && cve.getConstraintName() != null
                    && cve.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static ApiException emailTaken() {
        return new ApiException(ErrorCode.ALREADY_EXISTS, "An account with this email already exists",
                Map.of("field", "email"));
    }

    private static ApiException invalidToken() {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "Invalid or expired token", Map.of("field", "token"));
    }
}
