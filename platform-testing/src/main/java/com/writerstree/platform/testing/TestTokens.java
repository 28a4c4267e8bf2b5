package com.writerstree.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens for a service's own tests, shaped like identity-service's (§3.2 claims plus {@code sub} and
 * {@code jti}), signed with the test key whose public half this jar's config makes the verifier trust.
 */
public final class TestTokens {

    public static final String ISSUER = "https://writerstree.com";
    private static final PrivateKey KEY = loadKey();

    private TestTokens() {}

    public static String forUser(UUID userId) {
        return claims(userId).sign(KEY);
    }

    public static String forUser(UUID userId, String email) {
        return claims(userId).claim("email", email).sign(KEY);
    }

    public static String expiredFor(UUID userId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return claims(userId)
                .issuedAt(past)
                .expiresAt(past.plus(Duration.ofMinutes(5)))
                .sign(KEY);
    }

    /** For unusual tokens: the standard claims, to be changed and then signed with {@link #sign}. */
    public static JwtClaimsBuilder claims(UUID userId) {
        return Jwt.claims()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("userId", userId.toString())
                .claim("email", "user-" + userId + "@example.com")
                .claim("tier", "free")
                .claim("emailVerified", true)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofHours(1));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(KEY);
    }

    public static String bearer(UUID userId) {
        return "Bearer " + forUser(userId);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/writerstree-test/jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Test signing key unreadable", e);
        }
    }
}
