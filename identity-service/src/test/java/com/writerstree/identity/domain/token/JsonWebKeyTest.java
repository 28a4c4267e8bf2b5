package com.writerstree.identity.domain.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JsonWebKeyTest {

    // RFC 7638 §3.1: the example RSA key and its SHA-256 thumbprint
    private static final String RFC_N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuh"
            + "DR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2"
            + "QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lF"
            + "d2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    private static final String RFC_E = "AQAB";
    private static final String RFC_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    @Test
    void kidIsTheRfc7638ThumbprintOfTheKey() throws Exception {
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode(RFC_N)),
                        new BigInteger(1, Base64.getUrlDecoder().decode(RFC_E))));

        JsonWebKey jwk = JsonWebKey.of(key);

        assertEquals(RFC_THUMBPRINT, jwk.kid());
        assertEquals(RFC_N, jwk.n());
        assertEquals(RFC_E, jwk.e());
        assertEquals("RSA", jwk.kty());
        assertEquals("sig", jwk.use());
        assertEquals("RS256", jwk.alg());
    }

    @Test
    void integersAreUnsignedBigEndianWithoutLeadingZeroOrPadding() {
        // 2^2047 + 1 has its top bit set: BigInteger adds a sign byte that the JWK form must drop
        BigInteger modulus = BigInteger.ONE.shiftLeft(2047).add(BigInteger.ONE);
        String n = JsonWebKey.base64url(modulus);
        byte[] decoded = Base64.getUrlDecoder().decode(n);
        assertEquals(256, decoded.length);
        assertFalse(n.contains("="));
        assertArrayEquals(
                new byte[] {1, 0, 1}, Base64.getUrlDecoder().decode(JsonWebKey.base64url(BigInteger.valueOf(65537))));
    }
}
