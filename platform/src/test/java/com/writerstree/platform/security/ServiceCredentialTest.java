package com.writerstree.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCredentialTest {

    @Test
    void onlyTheConfiguredTokenIsAccepted() {
        Optional<String> expected = Optional.of("s3cret-service-token");
        assertTrue(ServiceCredential.accepts(expected, "s3cret-service-token"));
        assertFalse(ServiceCredential.accepts(expected, "s3cret-service-toke"));
        assertFalse(ServiceCredential.accepts(expected, "s3cret-service-tokenX"));
        assertFalse(ServiceCredential.accepts(expected, ""));
        assertFalse(ServiceCredential.accepts(expected, null));
    }

    @Test
    void withoutAConfiguredTokenEveryCallIsRefused() {
        assertFalse(ServiceCredential.accepts(Optional.empty(), "anything"));
        assertFalse(ServiceCredential.accepts(Optional.empty(), ""));
        assertFalse(ServiceCredential.accepts(Optional.empty(), null));
    }
}
