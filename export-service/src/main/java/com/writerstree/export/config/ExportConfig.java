package com.writerstree.export.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "export")
public interface ExportConfig {

    /** The S3 bucket export files are written to (created at start-up when missing). */
    String bucket();

    /** How long a file stays in S3 and its download link works (spec: 24 h). */
    @WithDefault("PT24H")
    Duration retention();

    /** Manuscripts with more words than this are exported as a background job (202 + GET /exports/{id}). */
    @WithDefault("60000")
    int jobAboveWords();

    /** Background exports that may wait or run at once; beyond that a request gets 429. */
    @WithDefault("4")
    int maxQueuedJobs();

    /** Directory with the four LiberationSerif-*.ttf faces; the copies on the classpath when empty. */
    Optional<Path> fontDir();

    /** How many exports {@code GET /exports} lists. */
    @WithDefault("50")
    int listLimit();

    /** How often expired files are swept from S3 (read by {@code ExpirySweep}'s schedule), and the first delay. */
    @WithDefault("5m")
    String sweepEvery();

    @WithDefault("1m")
    String sweepDelay();

    Tree tree();

    Archive archive();

    /** The user's data export (GET /users/me/export, README "User data export"). */
    interface Archive {

        /** How long the ZIP stays in S3 and its presigned link works. */
        @WithDefault("P7D")
        Duration retention();

        /**
         * The services whose {@code /internal/users/{userId}/export} part goes into the ZIP, by name, with their base
         * URL; export-service adds its own part.
         */
        java.util.Map<String, String> sources();

        /** Attempts per part before the job fails (with a doubling pause from {@link #retryDelay}). */
        @WithDefault("3")
        int attempts();

        @WithDefault("PT1S")
        Duration retryDelay();

        /** Timeout of one part's request (content-service sends every manuscript). */
        @WithDefault("PT30S")
        Duration readTimeout();

        /** The web app, named in the mail. */
        @WithDefault("http://localhost:3000")
        String appUrl();
    }

    interface Tree {
        /** Smallest and largest width/height of a tree image, in pixels. */
        @WithDefault("64")
        int minSize();

        @WithDefault("4096")
        int maxSize();
    }
}
