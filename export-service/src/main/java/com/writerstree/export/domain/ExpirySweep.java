package com.writerstree.export.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/** Every few minutes, the files older than the retention leave S3 (s3proxy has no lifecycle rules). */
@ApplicationScoped
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final ExportRemoval removal;

    public ExpirySweep(ExportRemoval removal) {
        this.removal = removal;
    }

    @Scheduled(
            every = "${export.sweep-every:5m}",
            delayed = "${export.sweep-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int removed;
            do {
                removed = removal.expire(removal.now());
            } while (removed > 0 && removed == 200);
        } catch (SdkException e) {
            LOG.warnf(
                    "Export sweep postponed, S3 unreachable (%s)", e.getClass().getSimpleName());
        }
    }
}
