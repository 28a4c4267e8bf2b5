package com.writerstree.export.domain;

import com.writerstree.export.domain.archive.UserArchives;
import com.writerstree.export.persistence.ExportJob;
import com.writerstree.export.persistence.ExportJobRepository;
import com.writerstree.export.persistence.ExportStorage;
import com.writerstree.export.persistence.UserArchive;
import com.writerstree.export.persistence.UserArchiveRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Files leave S3 when their time is up (24 h), when their project is deleted for good, or when their user is
 * purged. Files go first: if S3 fails, the transaction rolls back and the work is retried (the next sweep, or
 * the event's redelivery), so a record never points at a file that is gone while the file stays.
 */
@ApplicationScoped
public class ExportRemoval {

    private static final Logger LOG = Logger.getLogger(ExportRemoval.class);
    private static final int BATCH = 200;
    /** A background export still "processing" after this long died with its service instance. */
    private static final Duration STALE_JOB = Duration.ofHours(1);

    private final ExportJobRepository jobs;
    private final UserArchiveRepository archives;
    private final ExportStorage storage;
    private final Clock clock;

    public ExportRemoval(ExportJobRepository jobs, UserArchiveRepository archives, ExportStorage storage, Clock clock) {
        this.jobs = jobs;
        this.archives = archives;
        this.storage = storage;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void projectDeleted(UUID projectId) {
        int files = storage.deletePrefix(ExportStorage.projectPrefix(projectId));
        long rows = jobs.delete("projectId", projectId);
        LOG.infof("Project %s deleted: removed %d export files and %d export records", projectId, files, rows);
    }

    /**
     * Everything of a purged user: the files of their exports (below their projects' prefixes) and their data
     * exports (below {@code users/<userId>/}), and the records of both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void userPurged(UUID userId) {
        List<ExportJob> all = jobs.forUser(userId);
        for (ExportJob job : all) {
            if (job.objectKey != null) {
                storage.delete(job.objectKey);
            }
        }
        int archiveFiles = storage.deletePrefix(UserArchives.userPrefix(userId));
        long rows = jobs.delete("userId", userId);
        long archiveRows = archives.delete("userId", userId);
        LOG.infof(
                "User %s purged: removed %d export records, %d data exports (%d files)",
                userId, rows, archiveRows, archiveFiles);
    }

    /** The scheduled sweep (see {@link ExpirySweep}); {@code now} comes from the injectable clock. */
    @Transactional
    public int expire(Instant now) {
        List<ExportJob> due = jobs.expired(now, BATCH);
        for (ExportJob job : due) {
            storage.delete(job.objectKey);
            job.objectKey = null;
            job.status = ExportJob.EXPIRED;
        }
        long stale = jobs.failStale(now.minus(STALE_JOB));
        List<UserArchive> dueArchives = archives.expired(now, BATCH);
        for (UserArchive archive : dueArchives) {
            storage.delete(archive.objectKey);
            archive.objectKey = null;
            archive.status = UserArchive.EXPIRED;
        }
        stale += archives.failStale(now.minus(STALE_JOB));
        if (!due.isEmpty() || !dueArchives.isEmpty() || stale > 0) {
            LOG.infof(
                    "Export sweep: %d files and %d data exports expired, %d stale jobs failed",
                    due.size(), dueArchives.size(), stale);
        }
        return due.size() + dueArchives.size();
    }

    public Instant now() {
        return clock.instant();
    }
}
