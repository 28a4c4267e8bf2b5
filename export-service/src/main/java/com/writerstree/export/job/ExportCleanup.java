package com.writerstree.export.job;

import com.writerstree.export.storage.ExportBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Removes everything exported from a project once the project is deleted for good: the files under the
 * project's prefix in the bucket ({@link #projectPrefix}) and the job rows.
 */
@ApplicationScoped
public class ExportCleanup {

    private static final Logger LOG = Logger.getLogger(ExportCleanup.class);

    @Inject
    ExportJobRepository jobs;

    @Inject
    S3Client s3;

    @Inject
    ExportBucket bucket;

    /** Every export of a project is stored below this prefix. */
    public static String projectPrefix(UUID projectId) {
        return "projects/" + projectId + "/";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void projectDeleted(UUID projectId) {
        // files first: if S3 fails the transaction rolls back and the event is retried (dead-letter after that)
        int files = deleteObjects(projectPrefix(projectId));
        long rows = jobs.delete("projectId", projectId);
        LOG.infof("Project %s deleted: removed %d export files and %d export jobs", projectId, files, rows);
    }

    private int deleteObjects(String prefix) {
        int deleted = 0;
        String continuation = null;
        do {
            String token = continuation;
            ListObjectsV2Response page =
                    s3.listObjectsV2(r -> r.bucket(bucket.name()).prefix(prefix).continuationToken(token));
            List<S3Object> objects = page.contents();
            for (S3Object object : objects) {
                s3.deleteObject(r -> r.bucket(bucket.name()).key(object.key()));
                deleted++;
            }
            continuation = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (continuation != null);
        return deleted;
    }
}
