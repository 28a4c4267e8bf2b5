package com.writerstree.identity.mail;

import com.writerstree.identity.config.IdentityConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    Mailer mailer;

    @Inject
    IdentityConfig config;

    /** Returns whether the SMTP server accepted the mail. */
    public boolean sendEmailVerification(UUID userId, String email, String fullName, String token) {
        String link = config.appUrl().replaceAll("/+$", "") + "/verify-email?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String greeting = fullName == null || fullName.isBlank() ? "Hello," : "Hello " + fullName + ",";
        String text = greeting + "\n\n"
                + "welcome to Writer's Tree. Please confirm your email address by opening this link:\n\n"
                + link + "\n\n"
                + "The link is valid for " + config.verification().tokenLifetime().toHours() + " hours. "
                + "If you did not create an account, you can ignore this mail.\n\n"
                + "Writer's Tree\n";
        try {
            mailer.send(Mail.withText(email, "Confirm your email for Writer's Tree", text));
            return true;
        } catch (RuntimeException e) {
            // the class of the root cause only: SMTP error texts can quote the recipient
            LOG.warnf("Verification mail for user %s could not be sent (%s); the user can ask for a new one",
                    userId, rootCause(e).getClass().getSimpleName());
            return false;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
