package com.writerstree.export.events;

import com.writerstree.contracts.export.v1.ExportEvents.ContentExported;
import com.writerstree.contracts.export.v1.ExportEvents.TreeExported;
import com.writerstree.export.persistence.ExportJob;
import com.writerstree.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The service's one publisher: export facts go through the outbox, in the transaction that records the export. */
@ApplicationScoped
public class ExportEventPublisher {

    private final Outbox outbox;

    public ExportEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void exported(ExportJob job) {
        if (ExportJob.TREE.equals(job.kind)) {
            outbox.append(TreeExported.of(
                    job.userId, job.projectId, job.id, job.format, job.width, job.height, job.fileSize));
        } else {
            outbox.append(ContentExported.of(
                    job.userId,
                    job.projectId,
                    job.id,
                    job.format,
                    job.style,
                    job.fileSize,
                    job.wordCount == null ? 0 : job.wordCount));
        }
    }
}
