package com.writerstree.gateway.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EdgeAuthenticatorTest {

    @Test
    void cookieIsPreferredOverTheHeader() {
        assertEquals(Optional.of("from-cookie"), EdgeAuthenticator.token("from-cookie", "Bearer from-header"));
    }

    @Test
    void bearerHeaderIsUsedWithoutCookie() {
        assertEquals(Optional.of("abc.def.ghi"), EdgeAuthenticator.token(null, "Bearer abc.def.ghi"));
        assertEquals(Optional.of("abc.def.ghi"), EdgeAuthenticator.token("", "bearer  abc.def.ghi "));
    }

    @Test
    void noUsableCredentialIsNoToken() {
        assertEquals(Optional.empty(), EdgeAuthenticator.token(null, null));
        assertEquals(Optional.empty(), EdgeAuthenticator.token(" ", "Bearer "));
        assertEquals(Optional.empty(), EdgeAuthenticator.token(null, "Basic dXNlcjpwYXNz"));
    }
}
