package com.writerstree.identity.domain.token;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/** The public half of a signing key as published in the JWKS (RFC 7517), with its RFC 7638 thumbprint as kid. */
@JsonPropertyOrder({"kty", "kid", "use", "alg", "n", "e"})
public record JsonWebKey(String kty, String kid, String use, String alg, String n, String e) {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public static JsonWebKey of(RSAPublicKey key) {
        String n = base64url(key.getModulus());
        String e = base64url(key.getPublicExponent());
        return new JsonWebKey("RSA", thumbprint(n, e), "sig", "RS256", n, e);
    }

    /**
     * RFC 7638 §3: SHA-256 over the required members in lexicographic order, without whitespace, base64url
     * encoded. n and e are base64url values, so they need no JSON escaping.
     */
    static String thumbprint(String n, String e) {
        String canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 unavailable", ex);
        }
    }

    /** RFC 7518 §6.3.1: the unsigned big-endian value, without a leading zero byte. */
    static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }
}
