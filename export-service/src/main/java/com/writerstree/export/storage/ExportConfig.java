package com.writerstree.export.storage;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "export")
public interface ExportConfig {

    /** The S3 bucket export files are written to (created at start-up when missing). */
    String bucket();
}
