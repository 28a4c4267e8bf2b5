package com.writerstree.export.domain;

import com.writerstree.export.client.ContentClient;
import com.writerstree.export.client.IdentityClient;
import com.writerstree.export.client.ProjectClient;
import com.writerstree.export.client.Upstream;
import com.writerstree.export.config.ExportConfig;
import com.writerstree.export.domain.render.ExportFormat;
import com.writerstree.export.domain.render.ManuscriptRenderer;
import com.writerstree.export.domain.render.markdown.MarkdownReader;
import com.writerstree.export.domain.render.model.ExportStyle;
import com.writerstree.export.domain.render.model.Manuscript;
import com.writerstree.export.domain.render.model.ManuscriptMeta;
import com.writerstree.export.domain.render.pdf.FontFiles;
import com.writerstree.export.domain.render.pdf.PdfRenderer;
import com.writerstree.export.domain.tree.TreeGenerator;
import com.writerstree.export.domain.tree.TreeImages;
import com.writerstree.export.domain.tree.TreeSpec;
import com.writerstree.export.events.ExportEventPublisher;
import com.writerstree.export.persistence.ExportJob;
import com.writerstree.export.persistence.ExportJobRepository;
import com.writerstree.export.persistence.ExportStorage;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes exports: reads the project, text and author from their services (with the caller's token), renders
 * the file into a temporary file, uploads it, and only then records it and publishes the event in one
 * transaction. S3 unreachable: 503 and nothing recorded. Long manuscripts run as a background job.
 *
 * <p>Timings (histograms with the platform's SLO buckets, on the management port): {@code export_render_seconds}
 * by {@code format} (txt, docx, pdf, epub, png, svg) and {@code export_upload_seconds} by {@code format} and
 * {@code outcome} (success, error).
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    /** What a caller gets back: a finished file, or a job still running. */
    public record Outcome(ExportJob job, String downloadUrl) {
        public boolean finished() {
            return ExportJob.COMPLETED.equals(job.status);
        }
    }

    private final Upstream upstream;
    private final ExportStorage storage;
    private final ExportJobRepository jobs;
    private final ExportEventPublisher events;
    private final ExportConfig config;
    private final Clock clock;
    private final FontFiles fonts;
    private final Semaphore queued;
    private final ExecutorService background;
    private final MeterRegistry registry;

    public ExportService(
            Upstream upstream,
            ExportStorage storage,
            ExportJobRepository jobs,
            ExportEventPublisher events,
            ExportConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.registry = registry;
        this.upstream = upstream;
        this.storage = storage;
        this.jobs = jobs;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.fonts =
                config.fontDir().map(dir -> new FontFiles(Optional.of(dir))).orElse(FontFiles.classpath());
        this.queued = new Semaphore(config.maxQueuedJobs());
        // one worker: a long export is CPU-bound and must not starve the request threads on a small machine
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "export-jobs");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    public Outcome exportContent(
            UUID userId,
            String bearer,
            UUID projectId,
            ExportFormat format,
            ExportStyle style,
            boolean includeMetadata) {
        ProjectClient.Project project = ownProject(userId, bearer, projectId);
        ContentClient.Data content = upstream.content(projectId, bearer);
        boolean needsAuthor = includeMetadata || style == ExportStyle.MANUSCRIPT;
        IdentityClient.Profile author = needsAuthor ? upstream.me(bearer) : new IdentityClient.Profile(null, null);
        String text = content.content().text() == null ? "" : content.content().text();
        int words = content.content().wordCount();

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.userId = userId;
        job.projectId = projectId;
        job.kind = ExportJob.CONTENT;
        job.format = format.extension();
        job.style = style.wire();
        job.wordCount = words;
        job.fileName = FileNames.safe(project.title()) + "." + format.extension();
        job.contentType = format.contentType();
        job.createdAt = now;
        job.expiresAt = now.plus(config.retention());

        ManuscriptMeta meta = new ManuscriptMeta(
                project.title() == null ? "Untitled" : project.title(),
                author.fullName(),
                author.email(),
                words,
                project.wordGoal(),
                project.progress(),
                now,
                job.id.toString());
        String disposition = FileNames.disposition(project.title(), format.extension());

        if (words > config.jobAboveWords()) {
            if (!queued.tryAcquire()) {
                throw new ApiException(
                        ErrorCode.RATE_LIMIT_EXCEEDED, "Too many long exports in progress, please try again shortly");
            }
            job.status = ExportJob.PROCESSING;
            try {
                QuarkusTransaction.requiringNew().run(() -> jobs.persist(job));
                background.execute(() -> {
                    try {
                        runJob(job, text, meta, format, style, includeMetadata, disposition);
                    } finally {
                        queued.release();
                    }
                });
            } catch (RuntimeException e) {
                queued.release();
                throw e;
            }
            return new Outcome(job, null);
        }
        Path file = render(text, meta, format, style, includeMetadata);
        return finish(job, file, disposition);
    }

    public Outcome exportTree(
            UUID userId, String bearer, UUID projectId, String format, int width, int height, boolean transparent) {
        ProjectClient.Project project = ownProject(userId, bearer, projectId);
        ContentClient.Data content = upstream.content(projectId, bearer);
        int milestones = content.milestones() == null
                ? 0
                : (int) content.milestones().stream()
                        .map(ContentClient.Milestone::type)
                        .distinct()
                        .count();
        TreeSpec spec = new TreeSpec(
                project.treeSeed() == null ? projectId.toString() : project.treeSeed(),
                TreeSpec.Species.parse(project.treeSpecies()),
                TreeSpec.Season.parse(project.treeSeason()),
                project.progress() / 100.0,
                milestones);
        long started = System.nanoTime();
        byte[] image = "svg".equals(format)
                ? TreeImages.svg(TreeGenerator.draw(spec, width, height, transparent))
                : TreeImages.png(TreeGenerator.draw(spec, width, height, transparent));
        renderTimer(format).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.userId = userId;
        job.projectId = projectId;
        job.kind = ExportJob.TREE;
        job.format = format;
        job.width = width;
        job.height = height;
        job.fileName = FileNames.safe(project.title()) + "-tree." + format;
        job.contentType = "svg".equals(format) ? "image/svg+xml" : "image/png";
        job.createdAt = now;
        job.expiresAt = now.plus(config.retention());
        try {
            Path file = Files.createTempFile("tree-", "." + format);
            Files.write(file, image);
            return finish(job, file, FileNames.disposition(project.title() + "-tree", format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's project, or 404 (someone else's project looks exactly like a missing one). */
    private ProjectClient.Project ownProject(UUID userId, String bearer, UUID projectId) {
        ProjectClient.Project project = upstream.project(projectId, bearer);
        if (project.userId() != null && !project.userId().equals(userId)) {
            throw ApiException.notFound("Project");
        }
        return project;
    }

    private void runJob(
            ExportJob job,
            String text,
            ManuscriptMeta meta,
            ExportFormat format,
            ExportStyle style,
            boolean includeMetadata,
            String disposition) {
        try {
            Path file = render(text, meta, format, style, includeMetadata);
            finish(job, file, disposition);
        } catch (RuntimeException e) {
            LOG.warnf("Background export %s failed: %s", job.id, e.getClass().getSimpleName());
            QuarkusTransaction.requiringNew().run(() -> {
                ExportJob stored = jobs.findById(job.id);
                if (stored != null) {
                    stored.status = ExportJob.FAILED;
                }
            });
        }
    }

    private Path render(
            String text, ManuscriptMeta meta, ExportFormat format, ExportStyle style, boolean includeMetadata) {
        Manuscript manuscript = new Manuscript(text, MarkdownReader.read(text), meta, style, includeMetadata);
        ManuscriptRenderer renderer =
                format == ExportFormat.PDF ? new PdfRenderer(fonts) : ManuscriptRenderer.of(format);
        Path file = null;
        long started = System.nanoTime();
        try {
            file = Files.createTempFile("export-", "." + format.extension());
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                renderer.render(manuscript, out);
            }
            renderTimer(format.extension()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        }
    }

    /** Upload, then record + event in one transaction; a failed record removes the uploaded file again. */
    private Outcome finish(ExportJob job, Path file, String disposition) {
        String key = ExportStorage.projectPrefix(job.projectId) + job.id + "/" + job.fileName;
        try {
            long size = Files.size(file);
            long started = System.nanoTime();
            try {
                storage.put(key, file, job.contentType, disposition);
                uploadTimer(job.format, "success").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            } catch (SdkException e) {
                uploadTimer(job.format, "error").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                // the SDK's message and its cause say what failed (refused, reset, timed out); never a manuscript
                Throwable cause = e.getCause() == null ? e : e.getCause();
                LOG.warnf(
                        "S3 unavailable for export %s: %s (%s: %s)",
                        job.id,
                        e.getClass().getSimpleName(),
                        cause.getClass().getSimpleName(),
                        String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
                throw new ApiException(
                        ErrorCode.EXTERNAL_SERVICE_ERROR,
                        "File storage is unavailable, please try again later",
                        Map.of("service", "s3"));
            }
            job.fileSize = size;
            job.objectKey = key;
            job.status = ExportJob.COMPLETED;
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ExportJob stored = jobs.findById(job.id);
                    if (stored == null) {
                        jobs.persist(job);
                        stored = job;
                    } else {
                        stored.fileSize = job.fileSize;
                        stored.objectKey = key;
                        stored.status = ExportJob.COMPLETED;
                    }
                    events.exported(stored);
                });
            } catch (RuntimeException e) {
                try {
                    storage.delete(key);
                } catch (SdkException ignored) {
                    // the expiry sweep cannot see an unrecorded file; it stays until the bucket's own cleanup
                }
                throw e;
            }
            return new Outcome(job, link(job));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** A fresh presigned link valid until the file's expiry (at least a minute, so that it can be used). */
    public String link(ExportJob job) {
        if (job.objectKey == null || !ExportJob.COMPLETED.equals(job.status)) {
            return null;
        }
        Duration left = Duration.between(clock.instant(), job.expiresAt);
        if (left.isNegative() || left.isZero()) {
            return null;
        }
        String ext = job.fileName.substring(job.fileName.lastIndexOf('.') + 1);
        String title = job.fileName.substring(0, job.fileName.lastIndexOf('.'));
        return storage.presign(
                job.objectKey,
                left.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : left,
                job.contentType,
                FileNames.disposition(title, ext));
    }

    public List<ExportJob> recent(UUID userId) {
        return jobs.recent(userId, clock.instant(), config.listLimit());
    }

    public ExportJob get(UUID userId, UUID exportId) {
        return jobs.ownedBy(exportId, userId).orElseThrow(() -> ApiException.notFound("Export"));
    }

    /** Time to render one file, by format (a handful of values: the label stays bounded). */
    private Timer renderTimer(String format) {
        return Timer.builder("export_render_seconds")
                .description("Time to render an export file (manuscript or tree image)")
                .tag("format", format)
                .register(registry);
    }

    /** Time to upload one file to S3, by format and outcome. */
    private Timer uploadTimer(String format, String outcome) {
        return Timer.builder("export_upload_seconds")
                .description("Time to upload an export file to S3")
                .tag("format", format)
                .tag("outcome", outcome)
                .register(registry);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }
}
