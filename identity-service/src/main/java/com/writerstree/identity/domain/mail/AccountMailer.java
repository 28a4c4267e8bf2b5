package com.writerstree.identity.domain.mail;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.user.FullNames;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Account mails, sent over SMTP (Quarkus Mailer, blocking). Callers send after their transaction committed;
 * a failure is logged (never with the address, the token or the body) and swallowed, because the account
 * change it belongs to has already happened.
 */
@ApplicationScoped
public class AccountMailer {

    private static final Logger LOG = Logger.getLogger(AccountMailer.class);

    private final Mailer mailer;
    private final IdentityConfig config;

    public AccountMailer(Mailer mailer, IdentityConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /**
     * Sends on a worker thread, after the caller answered: the answer's timing must not tell whether an account
     * exists, and a mail must not hold up the request.
     */
    public static void inBackground(Runnable mail) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                mail.run();
            } catch (RuntimeException e) {
                LOG.warnf("Background mail failed (%s)", e.getClass().getSimpleName());
            }
        });
    }

    /** Returns whether the SMTP server accepted the mail. */
    public boolean sendEmailVerification(UUID userId, String email, String fullName, String token) {
        String text = greeting(fullName) + "\n\n"
                + "welcome to Writer's Tree. Please confirm your email address by opening this link:\n\n"
                + link("/verify-email", token) + "\n\n"
                + "The link is valid for "
                + config.verification().tokenLifetime().toHours() + " hours. "
                + "If you did not create an account, you can ignore this mail.\n\n"
                + "Writer's Tree\n";
        return send(userId, "Verification", email, "Confirm your email for Writer's Tree", text);
    }

    /** The password reset link ({@code <app-url>/reset-password?token=...}); returns whether SMTP accepted it. */
    public boolean sendPasswordReset(UUID userId, String email, String fullName, String token) {
        String text = greeting(fullName) + "\n\n"
                + "someone (hopefully you) asked to reset the password of your Writer's Tree account. "
                + "Choose a new password here:\n\n"
                + link("/reset-password", token) + "\n\n"
                + "The link is valid for "
                + config.passwordReset().tokenLifetime().toMinutes() + " minutes and "
                + "works once. Resetting signs you out on every device. If you did not ask for this, you can "
                + "ignore this mail: your password stays as it is.\n\n"
                + "Writer's Tree\n";
        return send(userId, "Password reset", email, "Reset your Writer's Tree password", text);
    }

    /**
     * The confirmation of DELETE /users/me: the link to the data export (a presigned S3 link, valid 7 days) and the
     * cancel link ({@code <app-url>/cancel-deletion?token=...}, valid until the purge).
     */
    public boolean sendDeletionConfirmation(
            UUID userId,
            String email,
            String fullName,
            String exportUrl,
            String cancelToken,
            java.time.Instant purgeAt) {
        String text = greeting(fullName) + "\n\n"
                + "your Writer's Tree account has been deleted as you asked. You can no longer sign in.\n\n"
                + "Your data (profile, projects, manuscripts, versions, statistics) is being packed into one ZIP "
                + "file. Download it here within 7 days:\n\n"
                + exportUrl + "\n\n"
                + "Everything is erased for good on " + purgeAt.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                + " (UTC). Until then you can change your mind and restore the account with everything in it:\n\n"
                + link("/cancel-deletion", cancelToken) + "\n\n"
                + "If you did not ask for this, open the link above at once and then reset your password.\n\n"
                + "Writer's Tree\n";
        return send(userId, "Deletion confirmation", email, "Your Writer's Tree account has been deleted", text);
    }

    private boolean send(UUID userId, String kind, String email, String subject, String text) {
        try {
            mailer.send(Mail.withText(email, subject, text));
            return true;
        } catch (RuntimeException e) {
            // the class of the root cause only: SMTP error texts can quote the recipient
            LOG.warnf(
                    "%s mail for user %s could not be sent (%s); the user can ask for a new one",
                    kind, userId, rootCause(e).getClass().getSimpleName());
            return false;
        }
    }

    private String link(String path, String token) {
        return config.appUrl().replaceAll("/+$", "") + path + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /**
     * The first line of every mail. The name is the one thing in a mail a stranger can write, so only a name that
     * passes {@link FullNames} (no links, one line; names stored before the rules may not) is copied in.
     */
    static String greeting(String fullName) {
        String name = FullNames.forMail(fullName);
        return name == null ? "Hello," : "Hello " + name + ",";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
