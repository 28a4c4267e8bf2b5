package com.writerstree.export.health;

import com.writerstree.export.storage.ExportBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;

/** Ready only when the export bucket is reachable (exports are useless without it). */
@Readiness
@ApplicationScoped
public class S3HealthCheck implements HealthCheck {

    @Inject
    ExportBucket bucket;

    @Override
    public HealthCheckResponse call() {
        try {
            bucket.ensureExists();
            return HealthCheckResponse.named("S3")
                    .up()
                    .withData("bucket", bucket.name())
                    .build();
        } catch (SdkException e) {
            return HealthCheckResponse.named("S3")
                    .down()
                    .withData("bucket", bucket.name())
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
