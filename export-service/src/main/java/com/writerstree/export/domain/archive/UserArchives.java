package com.writerstree.export.domain.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.export.client.PartFetcher;
import com.writerstree.export.config.ExportConfig;
import com.writerstree.export.domain.FileNames;
import com.writerstree.export.persistence.ExportJob;
import com.writerstree.export.persistence.ExportJobRepository;
import com.writerstree.export.persistence.ExportStorage;
import com.writerstree.export.persistence.UserArchive;
import com.writerstree.export.persistence.UserArchiveRepository;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.gdpr.UserDataExport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The user's data export: a job (202 at once, also for a small account) that reads every service's part
 * ({@link PartFetcher}), adds export-service's own (the export records and earlier data exports), writes one ZIP
 * ({@link ArchiveZip}) to S3 below {@code users/<userId>/archives/} and, for a request of the user, mails the link.
 * The download link is presigned when the job starts (valid {@code export.archive.retention}, 7 days), so the
 * deletion flow can mail it at once; it serves the file as soon as the job is ready. A part that cannot be fetched
 * fails the job (status {@code failed}, {@code failure} names the service): no ZIP misses a service silently.
 */
@ApplicationScoped
public class UserArchives {

    public static final String SERVICE = "export-service";
    private static final Logger LOG = Logger.getLogger(UserArchives.class);
    private static final String CONTENT_TYPE = "application/zip";
    private static final String DISPOSITION = FileNames.disposition("writers-tree-data", "zip");

    /** A started (or already running) job and its download link. */
    public record Started(UserArchive archive, String downloadUrl) {}

    private final UserArchiveRepository archives;
    private final ExportJobRepository exports;
    private final ExportStorage storage;
    private final PartFetcher fetcher;
    private final ArchiveMailer mailer;
    private final ExportConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "user-archives");
        t.setDaemon(true);
        return t;
    });

    public UserArchives(
            UserArchiveRepository archives,
            ExportJobRepository exports,
            ExportStorage storage,
            PartFetcher fetcher,
            ArchiveMailer mailer,
            ExportConfig config,
            ObjectMapper json,
            Clock clock) {
        this.archives = archives;
        this.exports = exports;
        this.storage = storage;
        this.fetcher = fetcher;
        this.mailer = mailer;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The key of every S3 object of the user's data exports. */
    public static String userPrefix(UUID userId) {
        return "users/" + userId + "/";
    }

    /** Starts a job, or returns the user's running one (one at a time per user). */
    public Started start(UUID userId, String reason) {
        boolean[] created = {false};
        UserArchive archive = QuarkusTransaction.requiringNew()
                .call(() -> archives.running(userId).orElseGet(() -> {
                    Instant now = clock.instant();
                    UserArchive fresh = new UserArchive();
                    fresh.id = UUID.randomUUID();
                    fresh.userId = userId;
                    fresh.reason = reason;
                    fresh.status = UserArchive.PROCESSING;
                    fresh.objectKey = userPrefix(userId) + "archives/" + fresh.id + "/writers-tree-data.zip";
                    fresh.createdAt = now;
                    fresh.expiresAt = now.plus(config.archive().retention());
                    archives.persist(fresh);
                    created[0] = true;
                    return fresh;
                }));
        if (created[0]) {
            UUID id = archive.id;
            background.execute(() -> run(id));
            LOG.infof("Data export %s of user %s started (%s)", archive.id, userId, reason);
        }
        return new Started(archive, link(archive));
    }

    public UserArchive get(UUID userId, UUID archiveId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> archives.ownedBy(archiveId, userId).orElseThrow(() -> ApiException.notFound("Export")));
    }

    /** A link valid until the archive's expiry (presigning needs no object: it works once the file is there). */
    public String link(UserArchive archive) {
        Duration left = Duration.between(clock.instant(), archive.expiresAt);
        if (archive.objectKey == null
                || left.isNegative()
                || left.isZero()
                || UserArchive.FAILED.equals(archive.status)) {
            return null;
        }
        return storage.presign(archive.objectKey, left, CONTENT_TYPE, DISPOSITION);
    }

    private void run(UUID archiveId) {
        UserArchive archive = QuarkusTransaction.requiringNew().call(() -> archives.findById(archiveId));
        if (archive == null) {
            return;
        }
        Path file = null;
        try {
            Map<String, JsonNode> parts = new LinkedHashMap<>();
            config.archive().sources().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(source -> parts.put(
                            source.getKey(), fetcher.fetch(source.getKey(), source.getValue(), archive.userId)));
            parts.put(SERVICE, json.valueToTree(ownPart(archive.userId, archive.id)));
            file = Files.createTempFile("user-archive-", ".zip");
            try (OutputStream out = Files.newOutputStream(file)) {
                ArchiveZip.write(out, json, archive.userId, archive.id, clock.instant(), parts);
            }
            storage.put(archive.objectKey, file, CONTENT_TYPE, DISPOSITION);
            long size = Files.size(file);
            QuarkusTransaction.requiringNew().run(() -> {
                UserArchive stored = archives.findById(archiveId);
                if (stored != null) {
                    stored.status = UserArchive.READY;
                    stored.fileSize = size;
                    stored.completedAt = clock.instant();
                }
            });
            LOG.infof("Data export %s ready (%d bytes, %d parts)", archiveId, size, parts.size());
            if (UserArchive.REQUEST.equals(archive.reason)) {
                String email = parts.getOrDefault("identity-service", json.createObjectNode())
                        .path("parts")
                        .path("profile")
                        .path("email")
                        .asText(null);
                if (email != null) {
                    mailer.sendReady(archiveId, email, link(archive), archive.expiresAt);
                }
            }
        } catch (PartFetcher.MissingPart e) {
            fail(archiveId, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Data export %s failed (%s)", archiveId, e.getClass().getSimpleName());
            fail(archiveId, "export-service: " + e.getClass().getSimpleName());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temp directory
                }
            }
        }
    }

    private void fail(UUID archiveId, String failure) {
        LOG.warnf("Data export %s failed: %s", archiveId, failure);
        QuarkusTransaction.requiringNew().run(() -> {
            UserArchive stored = archives.findById(archiveId);
            if (stored != null) {
                stored.status = UserArchive.FAILED;
                stored.failure = failure.length() > 500 ? failure.substring(0, 500) : failure;
                stored.completedAt = clock.instant();
            }
        });
    }

    /** export-service's own part: the export records (no files, no links) and the earlier data exports. */
    public UserDataExport ownPart(UUID userId, UUID exceptArchive) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Map<String, Object>> records =
                    exports.forUser(userId).stream().map(UserArchives::record).toList();
            List<Map<String, Object>> earlier = archives.forUser(userId).stream()
                    .filter(a -> !a.id.equals(exceptArchive))
                    .map(UserArchives::record)
                    .toList();
            Map<String, Object> parts = new LinkedHashMap<>();
            parts.put("exports", records);
            parts.put("dataExports", earlier);
            return UserDataExport.of(SERVICE, userId, parts);
        });
    }

    private static Map<String, Object> record(ExportJob job) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", job.id);
        r.put("projectId", job.projectId);
        r.put("kind", job.kind);
        r.put("format", job.format);
        r.put("style", job.style);
        r.put("status", job.status);
        r.put("fileName", job.fileName);
        r.put("fileSize", job.fileSize);
        r.put("wordCount", job.wordCount);
        r.put("createdAt", job.createdAt);
        r.put("expiresAt", job.expiresAt);
        return r;
    }

    private static Map<String, Object> record(UserArchive archive) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", archive.id);
        r.put("reason", archive.reason);
        r.put("status", archive.status);
        r.put("createdAt", archive.createdAt);
        r.put("completedAt", archive.completedAt);
        r.put("expiresAt", archive.expiresAt);
        return r;
    }
}
