package com.writerstree.export.domain.archive;

import com.writerstree.export.config.ExportConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The "your data export is ready" mail (plain text); a failure is logged without the address and swallowed. */
@ApplicationScoped
public class ArchiveMailer {

    private static final Logger LOG = Logger.getLogger(ArchiveMailer.class);

    private final Mailer mailer;
    private final ExportConfig config;

    public ArchiveMailer(Mailer mailer, ExportConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    public void sendReady(UUID archiveId, String email, String downloadUrl, Instant expiresAt) {
        String text = "Hello,\n\n"
                + "the export of your Writer's Tree data you asked for is ready: one ZIP file with your profile, "
                + "projects, manuscripts (as Markdown), versions, milestones, exports, statistics and what the "
                + "suggestions learned from you, with an index.json describing it.\n\n"
                + downloadUrl + "\n\n"
                + "The link works until " + expiresAt.truncatedTo(ChronoUnit.MINUTES) + " (UTC). You can also find it "
                + "in the app (" + config.archive().appUrl() + ").\n\n"
                + "Writer's Tree\n";
        try {
            mailer.send(Mail.withText(email, "Your Writer's Tree data export is ready", text));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Mail for data export %s could not be sent (%s)",
                    archiveId, e.getClass().getSimpleName());
        }
    }
}
