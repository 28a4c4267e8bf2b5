package com.writerstree.gateway.domain.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.writerstree.gateway.domain.auth.Revocations;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        ClientAddress none = new ClientAddress(List.of());
        assertEquals("127.0.0.1", none.resolve("127.0.0.1", List.of("9.9.9.9")));
    }

    @Test
    void trustedPeerYieldsTheRightMostUntrustedForwardedEntry() {
        ClientAddress trusted = new ClientAddress(List.of("127.0.0.1/32", "10.0.0.0/8"));
        assertEquals("9.9.9.9", trusted.resolve("127.0.0.1", List.of("9.9.9.9")));
        // the client forged 1.1.1.1; the trusted proxy 10.1.2.3 appended the real client 8.8.8.8
        assertEquals("8.8.8.8", trusted.resolve("10.0.0.5", List.of("1.1.1.1, 8.8.8.8, 10.1.2.3")));
        assertEquals("8.8.8.8", trusted.resolve("10.0.0.5", List.of("1.1.1.1", "8.8.8.8")));
        assertEquals("10.0.0.5", trusted.resolve("10.0.0.5", List.of()));
        assertEquals("10.0.0.5", trusted.resolve("10.0.0.5", List.of("not-an-ip")));
        // an untrusted peer's header is ignored
        assertEquals("8.8.4.4", trusted.resolve("8.8.4.4", List.of("1.2.3.4")));
    }

    @Test
    void cidrMatchingCoversIpv4AndIpv6() {
        ClientAddress trusted = new ClientAddress(List.of("192.168.0.0/16", "::1/128"));
        assertTrue(trusted.isTrusted("192.168.4.5"));
        assertFalse(trusted.isTrusted("192.169.0.1"));
        assertTrue(trusted.isTrusted("0:0:0:0:0:0:0:1"));
        assertFalse(trusted.isTrusted("example.com"));
    }

    @Test
    void revocationRule() {
        assertTrue(Revocations.isRevoked("1", null, 100));
        assertTrue(Revocations.isRevoked(null, "101", 100));
        assertFalse(Revocations.isRevoked(null, "100", 100));
        assertFalse(Revocations.isRevoked(null, null, 100));
    }
}
