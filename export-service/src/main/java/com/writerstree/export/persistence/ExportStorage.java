package com.writerstree.export.persistence;

import com.writerstree.export.config.ExportConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The export files in S3: upload, presigned download links, deletion. Makes sure the bucket exists; an
 * unreachable S3 at start-up only delays this (readiness reports it). Every call throws {@link SdkException}
 * when S3 cannot be reached; callers turn that into 503.
 */
@ApplicationScoped
public class ExportStorage {

    private static final Logger LOG = Logger.getLogger(ExportStorage.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final ExportConfig config;

    public ExportStorage(S3Client s3, S3Presigner presigner, ExportConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureExists();
        } catch (SdkException e) {
            LOG.warnf(
                    "S3 not reachable at start-up (%s); bucket will be created on first check",
                    e.getClass().getSimpleName());
        }
    }

    /** Every export of a project is stored below this prefix. */
    public static String projectPrefix(java.util.UUID projectId) {
        return "projects/" + projectId + "/";
    }

    /** Checks the bucket, creating it when it does not exist. Throws when S3 cannot be reached. */
    public void ensureExists() {
        try {
            s3.headBucket(b -> b.bucket(config.bucket()));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(config.bucket()));
            LOG.infof("Created S3 bucket %s", config.bucket());
        }
    }

    public String name() {
        return config.bucket();
    }

    public void put(String key, Path file, String contentType, String contentDisposition) {
        Supplier<Object> upload = () -> unavailableOnIo(() -> s3.putObject(
                r -> r.bucket(config.bucket()).key(key).contentType(contentType).contentDisposition(contentDisposition),
                RequestBody.fromFile(file)));
        try {
            upload.get();
        } catch (SdkClientException e) {
            if (!brokenWrite(e)) {
                throw e;
            }
            // the request broke while its body was written ("Error writing request body to server": a kept-alive
            // connection S3 had just closed, or an early answer racing the 100-continue; seen once in the suite on
            // an empty file). A PUT of the same file under the same key is idempotent: once more, on a new connection.
            LOG.infof("S3 upload of an export broke while writing (%s); trying once more", rootCause(e));
            upload.get();
        }
    }

    /** An I/O failure after the connection was made (not refused, not timed out connecting): worth one more try. */
    static boolean brokenWrite(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return false;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException
                    && t.getMessage() != null
                    && t.getMessage().startsWith("Error writing request body")) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }

    /**
     * The SDK's URL-connection client lets some connection failures through as {@link UncheckedIOException} (a
     * pooled connection to an S3 that was killed: "Unexpected end of file from server"); callers handle one
     * type, {@link SdkException}, for "S3 is unavailable".
     */
    private static <T> T unavailableOnIo(Supplier<T> call) {
        try {
            return call.get();
        } catch (UncheckedIOException e) {
            throw SdkClientException.create("S3 connection failed: " + e.getMessage(), e);
        }
    }

    /**
     * A GET link valid for {@code validity}; it also asks S3 to answer with the file's type and name, so the
     * download is labelled right even by an S3 that does not keep object metadata.
     */
    public String presign(String key, Duration validity, String contentType, String contentDisposition) {
        return presigner
                .presignGetObject(p -> p.signatureDuration(validity)
                        .getObjectRequest(g -> g.bucket(config.bucket())
                                .key(key)
                                .responseContentType(contentType)
                                .responseContentDisposition(contentDisposition)))
                .url()
                .toString();
    }

    public void delete(String key) {
        unavailableOnIo(() -> s3.deleteObject(r -> r.bucket(config.bucket()).key(key)));
    }

    /** Deletes every object below {@code prefix}; returns how many. */
    public int deletePrefix(String prefix) {
        int deleted = 0;
        String continuation = null;
        do {
            String token = continuation;
            ListObjectsV2Response page = unavailableOnIo(() -> s3.listObjectsV2(
                    r -> r.bucket(config.bucket()).prefix(prefix).continuationToken(token)));
            List<S3Object> objects = page.contents();
            for (S3Object object : objects) {
                delete(object.key());
                deleted++;
            }
            continuation = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (continuation != null);
        return deleted;
    }
}
