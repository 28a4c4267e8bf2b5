package com.writerstree.export.health;

import com.writerstree.export.persistence.ExportStorage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;

/** Ready only when the export bucket is reachable (exports are useless without it). */
@Readiness
@ApplicationScoped
public class S3HealthCheck implements HealthCheck {

    private final ExportStorage storage;

    public S3HealthCheck(ExportStorage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            storage.ensureExists();
            return HealthCheckResponse.named("S3")
                    .up()
                    .withData("bucket", storage.name())
                    .build();
        } catch (SdkException e) {
            return HealthCheckResponse.named("S3")
                    .down()
                    .withData("bucket", storage.name())
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
