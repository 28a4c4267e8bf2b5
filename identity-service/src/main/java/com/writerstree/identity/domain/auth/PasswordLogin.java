package com.writerstree.identity.domain.auth;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.auth.AccountSessions.Account;
import com.writerstree.identity.domain.auth.AccountSessions.Session;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.jboss.logging.Logger;

/** Sign-in with email and password, behind the per-address lockout ({@link LoginLockout}). */
@ApplicationScoped
public class PasswordLogin {

    private static final Logger LOG = Logger.getLogger(PasswordLogin.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginLockout lockout;
    private final AccountSessions sessions;
    private final IdentityConfig config;

    public PasswordLogin(
            UserRepository users,
            PasswordHasher hasher,
            LoginLockout lockout,
            AccountSessions sessions,
            IdentityConfig config) {
        this.users = users;
        this.hasher = hasher;
        this.lockout = lockout;
        this.sessions = sessions;
        this.config = config;
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
            throw AccountErrors.accountDeleted(
                    stored.get().deletedAt, config.deletion().grace());
        }
        Account account = found.get();
        if (!account.emailVerified()) {
            throw new ApiException(ErrorCode.EMAIL_NOT_VERIFIED);
        }
        QuarkusTransaction.requiringNew()
                .run(() -> users.findActive(account.id()).ifPresent(u -> u.recordLogin(Instant.now())));
        LOG.infof("User %s signed in with a password", account.id());
        return sessions.start(account);
    }
}
