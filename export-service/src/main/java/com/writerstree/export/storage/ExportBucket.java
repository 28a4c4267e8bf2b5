package com.writerstree.export.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Makes sure the export bucket exists; an unreachable S3 at start-up only delays this (readiness reports it). */
@ApplicationScoped
public class ExportBucket {

    private static final Logger LOG = Logger.getLogger(ExportBucket.class);

    @Inject
    S3Client s3;

    @Inject
    ExportConfig config;

    void onStart(@Observes StartupEvent event) {
        try {
            ensureExists();
        } catch (SdkException e) {
            LOG.warnf(
                    "S3 not reachable at start-up (%s); bucket will be created on first check",
                    e.getClass().getSimpleName());
        }
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
}
