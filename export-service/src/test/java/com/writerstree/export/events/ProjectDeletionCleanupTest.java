package com.writerstree.export.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.contracts.project.v1.ProjectEvents.ProjectDeleted;
import com.writerstree.export.persistence.ExportJob;
import com.writerstree.export.persistence.ExportJobRepository;
import com.writerstree.export.persistence.ExportStorage;
import com.writerstree.platform.testing.LocalKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Against the real s3proxy, PostgreSQL and Kafka: a ProjectDeleted event removes that project's exports only. */
@QuarkusTest
class ProjectDeletionCleanupTest {

    @Inject
    S3Client s3;

    @Inject
    ExportStorage bucket;

    @Inject
    ExportJobRepository jobs;

    @Test
    void aPermanentlyDeletedProjectTakesItsExportsWithIt() {
        UUID user = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        String deletedKey = store(user, deleted);
        String keptKey = store(user, kept);

        LocalKafka.publish(ProjectDeleted.of(user, deleted));

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> countObjects(ExportStorage.projectPrefix(deleted)) == 0
                        && QuarkusTransaction.requiringNew()
                                .call(() -> jobs.forProject(deleted).isEmpty()));
        assertEquals(1, countObjects(ExportStorage.projectPrefix(kept)), "another project's file stays: " + keptKey);
        assertEquals(
                1,
                QuarkusTransaction.requiringNew()
                        .call(() -> jobs.forProject(kept).size()));
        assertEquals(0, countObjects(deletedKey));
    }

    private String store(UUID user, UUID project) {
        String key = ExportStorage.projectPrefix(project) + UUID.randomUUID() + ".txt";
        s3.putObject(r -> r.bucket(bucket.name()).key(key), RequestBody.fromString("exported text"));
        QuarkusTransaction.requiringNew().run(() -> {
            ExportJob job = new ExportJob();
            job.id = UUID.randomUUID();
            job.userId = user;
            job.projectId = project;
            job.kind = "project";
            job.format = "txt";
            job.status = "completed";
            job.objectKey = key;
            job.fileSize = 13L;
            job.createdAt = Instant.now();
            jobs.persist(job);
        });
        return key;
    }

    private int countObjects(String prefix) {
        return s3.listObjectsV2(r -> r.bucket(bucket.name()).prefix(prefix))
                .contents()
                .size();
    }
}
