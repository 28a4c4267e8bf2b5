package com.writerstree.systemtests.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.systemtests.Stack;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Session tokens the security matrix needs and cannot get from identity: expired ones signed with the stack's real
 * signing key (read from the stack's key directory, {@code -Dwt.jwt.key-dir}, default
 * {@code <repo>/.run/keys/<stack>}), and forged ones (right kid and claims, a stranger's key). Signed by hand
 * (RS256), so that this module needs no JWT library.
 */
final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {}

    /** A token of {@code userId} that identity's key really signed, expired an hour ago. */
    static String expired(String userId) {
        long now = System.currentTimeMillis() / 1000;
        StackKey key = StackKey.load();
        return sign(claims(userId, now - 7200, now - 3600), key.kid(), key.key());
    }

    /** A currently valid-looking token of {@code userId} with identity's kid, signed by someone else's key. */
    static String forged(String userId) {
        long now = System.currentTimeMillis() / 1000;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    claims(userId, now, now + 3600),
                    StackKey.load().kid(),
                    generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> claims(String userId, long iat, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://writerstree.com");
        claims.put("sub", userId);
        claims.put("userId", userId);
        claims.put("email", "matrix-" + userId + "@example.com");
        claims.put("tier", "free");
        claims.put("emailVerified", true);
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(Map<String, Object> claims, String kid, PrivateKey key) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header =
                    b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)));
            String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stack's active signing key (the newest *.pem, as identity picks it) and its kid from identity's JWKS. */
    record StackKey(PrivateKey key, String kid) {

        private static StackKey cached;

        static synchronized StackKey load() {
            if (cached != null) {
                return cached;
            }
            Path dir = Path.of(System.getProperty(
                    "wt.jwt.key-dir",
                    Stack.repoRoot().resolve(".run/keys/" + stackName()).toString()));
            try (Stream<Path> files = Files.list(dir)) {
                Path newest = files.filter(p -> p.toString().endsWith(".pem"))
                        .max(Comparator.comparing(p -> p.toFile().lastModified()))
                        .orElseThrow(() -> new IllegalStateException("no *.pem in " + dir + " (set -Dwt.jwt.key-dir)"));
                String pem = Files.readString(newest, StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "")
                        .replaceAll("\\s", "");
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
                String n = b64(key.getModulus());
                JsonPath jwks = given().baseUri(Stack.serviceUrl("identity"))
                        .get("/.well-known/jwks.json")
                        .jsonPath();
                List<Map<String, String>> keys = jwks.getList("keys");
                String kid = keys.stream()
                        .filter(k -> n.equals(k.get("n")))
                        .map(k -> k.get("kid"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("the key in " + newest + " is not in the JWKS"));
                cached = new StackKey(key, kid);
                return cached;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the stack's signing key in " + dir, e);
            }
        }

        private static String stackName() {
            return System.getProperty("wt.stack", "it");
        }

        private static String b64(BigInteger value) {
            byte[] bytes = value.toByteArray();
            if (bytes.length > 1 && bytes[0] == 0) {
                bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
