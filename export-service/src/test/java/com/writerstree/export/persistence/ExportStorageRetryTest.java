package com.writerstree.export.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Which failed uploads get one more try (an export file's PUT is idempotent; an S3 that is down must fail fast). */
class ExportStorageRetryTest {

    @Test
    void aWriteBrokenOnAnOpenConnectionIsTriedAgain() {
        assertTrue(ExportStorage.brokenWrite(
                SdkClientException.create("upload", new IOException("Error writing request body to server"))));
    }

    @Test
    void anUnreachableS3IsNotTriedAgain() {
        assertFalse(ExportStorage.brokenWrite(
                SdkClientException.create("upload", new ConnectException("Connection refused"))));
        assertFalse(ExportStorage.brokenWrite(SdkClientException.create(
                "upload",
                new IOException("Error writing request body to server", new ConnectException("Connection refused")))));
        assertFalse(ExportStorage.brokenWrite(SdkClientException.create("upload", new IOException("Broken pipe"))));
    }
}
