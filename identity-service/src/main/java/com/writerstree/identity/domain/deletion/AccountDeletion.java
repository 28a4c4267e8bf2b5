package com.writerstree.identity.domain.deletion;

import com.writerstree.identity.client.ExportServiceClient;
import com.writerstree.identity.client.GoogleIdTokens;
import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.auth.AccountErrors;
import com.writerstree.identity.domain.auth.OneTimeTokens;
import com.writerstree.identity.domain.auth.PasswordHasher;
import com.writerstree.identity.domain.auth.SessionRevocations;
import com.writerstree.identity.domain.mail.AccountMailer;
import com.writerstree.identity.events.IdentityEventPublisher;
import com.writerstree.identity.persistence.DeletionCancelToken;
import com.writerstree.identity.persistence.DeletionCancelTokenRepository;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * DELETE /users/me (spec §4.2) and its cancellation. The order makes a failure harmless: the confirmation is checked
 * first, then export-service starts the data export (no export, no deletion: 503), then one transaction soft-deletes
 * the account, stores the cancel token, revokes every session (Redis, before the commit: if Redis fails nothing is
 * deleted) and appends UserDeletionRequested to the outbox; the mail goes out after the commit.
 */
@ApplicationScoped
public class AccountDeletion {

    private static final Logger LOG = Logger.getLogger(AccountDeletion.class);

    private record Confirming(UUID id, String email, String fullName, String passwordHash, String googleId) {}

    /** A started deletion: the data export's job and presigned link, and the moment of the purge. */
    public record DeletionStarted(String dataExportUrl, UUID exportJobId, Instant exportExpiresAt, Instant purgeAt) {}

    private final UserRepository users;
    private final DeletionCancelTokenRepository cancelTokens;
    private final PasswordHasher hasher;
    private final GoogleIdTokens googleTokens;
    private final SessionRevocations revocations;
    private final IdentityEventPublisher events;
    private final AccountMailer mailer;
    private final IdentityConfig config;
    private final Clock clock;
    private final ExportServiceClient exports;

    public AccountDeletion(
            UserRepository users,
            DeletionCancelTokenRepository cancelTokens,
            PasswordHasher hasher,
            GoogleIdTokens googleTokens,
            SessionRevocations revocations,
            IdentityEventPublisher events,
            AccountMailer mailer,
            IdentityConfig config,
            Clock clock,
            @RestClient ExportServiceClient exports) {
        this.users = users;
        this.cancelTokens = cancelTokens;
        this.hasher = hasher;
        this.googleTokens = googleTokens;
        this.revocations = revocations;
        this.events = events;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.exports = exports;
    }

    /** {@code password}, or for an account without one {@code googleToken}, confirms the deletion. */
    public DeletionStarted delete(UUID userId, String password, String googleToken) {
        Confirming account = QuarkusTransaction.requiringNew()
                .call(() -> users.findActive(userId)
                        .map(u -> new Confirming(u.id, u.email, u.fullName, u.passwordHash, u.googleId))
                        .orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN)));
        confirm(account, password, googleToken);

        ExportServiceClient.Archive archive = startExport(userId);
        String cancelToken = OneTimeTokens.generate();
        Instant purgeAt = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            User user = users.findActive(userId).orElseThrow(() -> new ApiException(ErrorCode.INVALID_TOKEN));
            user.markDeleted(now);
            cancelTokens.persist(new DeletionCancelToken(
                    userId,
                    OneTimeTokens.hash(cancelToken),
                    now,
                    config.deletion().grace()));
            events.userDeletionRequested(userId);
            revocations.revokeAll(userId);
            return now.plus(config.deletion().grace());
        });
        LOG.infof("User %s deleted (soft); purge due at %s, export job %s", userId, purgeAt, archive.jobId());
        AccountMailer.inBackground(() -> mailer.sendDeletionConfirmation(
                userId, account.email(), account.fullName(), archive.downloadUrl(), cancelToken, purgeAt));
        return new DeletionStarted(archive.downloadUrl(), archive.jobId(), archive.expiresAt(), purgeAt);
    }

    /**
     * Restores a soft-deleted account (the cancel link in the mail, single use, valid through the grace period).
     * Sessions revoked by the deletion stay revoked: the writer signs in again.
     */
    public void cancel(String token) {
        String tokenHash = OneTimeTokens.hash(token.strip());
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            UUID userId = cancelTokens.redeem(tokenHash, now).orElseThrow(AccountErrors::invalidToken);
            User user = users.findDeleted(userId).orElseThrow(AccountErrors::invalidToken);
            user.restore(now);
            LOG.infof("Deletion of user %s cancelled", userId);
        });
    }

    /**
     * A password account confirms with its password (401 INVALID_CREDENTIALS when wrong); an account without a
     * password (Google only) with a Google ID token of its own Google account issued within
     * {@code identity.deletion.google-token-max-age}: a stolen session alone cannot delete an account.
     */
    private void confirm(Confirming account, String password, String googleToken) {
        if (account.passwordHash() != null) {
            if (password == null || password.isEmpty()) {
                throw new ApiException(
                        ErrorCode.VALIDATION_ERROR,
                        "Confirm the deletion with your password",
                        Map.of("field", "password"));
            }
            if (!hasher.matches(password, account.passwordHash())) {
                throw new ApiException(
                        ErrorCode.INVALID_CREDENTIALS, "The password is not correct", Map.of("field", "password"));
            }
            return;
        }
        if (googleToken == null || googleToken.isBlank()) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "This account has no password: confirm the deletion by signing in with Google again",
                    Map.of("field", "googleToken"));
        }
        GoogleIdTokens.GoogleIdentity google = googleTokens.verify(googleToken);
        Instant now = clock.instant();
        boolean fresh = google.issuedAt() != null
                && !google.issuedAt().isBefore(now.minus(config.deletion().googleTokenMaxAge()));
        if (!google.googleId().equals(account.googleId()) || !fresh) {
            throw new ApiException(
                    ErrorCode.INVALID_TOKEN,
                    "Sign in with the Google account of this account again to confirm the deletion",
                    Map.of("field", "googleToken"));
        }
    }

    private ExportServiceClient.Archive startExport(UUID userId) {
        try {
            ExportServiceClient.Envelope answer = exports.start(userId, new ExportServiceClient.Start("deletion"));
            if (answer == null || answer.data() == null || answer.data().downloadUrl() == null) {
                throw new IllegalStateException("export-service answered without a link");
            }
            return answer.data();
        } catch (ProcessingException | WebApplicationException | IllegalStateException | FaultToleranceException e) {
            // unreachable, an error answer, no link, cut at the timeout or the circuit breaker open
            LOG.warnf(
                    "Data export for the deletion of user %s could not be started (%s); nothing deleted",
                    userId, e.getClass().getSimpleName());
            throw new ApiException(
                    ErrorCode.EXTERNAL_SERVICE_ERROR,
                    "Your data export could not be prepared; nothing was deleted. Please try again later.",
                    Map.of("service", "export-service"));
        }
    }
}
