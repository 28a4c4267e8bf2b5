package com.writerstree.identity.domain.token;

import static com.writerstree.identity.IdentityClient.header;
import static com.writerstree.identity.IdentityClient.me;
import static com.writerstree.identity.IdentityClient.register;
import static com.writerstree.identity.IdentityClient.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.writerstree.identity.IdentityClient.Account;
import com.writerstree.identity.domain.token.KeyDirectory.SigningKey;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Rotation as the README describes it: key A signs, key B is added and becomes the active key; tokens signed by
 * A keep verifying (identity checks /users/me against its own JWKS), the JWKS lists both kids, new tokens carry
 * B's kid. {@link SigningKeys#reload()} does what the restart of the documented procedure does.
 */
@QuarkusTest
class KeyRotationTest {

    @Inject
    SigningKeys keys;

    @Inject
    TokenIssuer issuer;

    @ConfigProperty(name = "identity.jwt.key-dir")
    String keyDir;

    @Test
    void aTokenOfTheOldKeyStillVerifiesAfterANewKeyTookOver() throws Exception {
        Account account = register(uniqueEmail());
        Path dir = Path.of(keyDir);
        Path fileA = dir.resolve("rotation-test-a-" + UUID.randomUUID() + ".pem");
        Path fileB = dir.resolve("rotation-test-b-" + UUID.randomUUID() + ".pem");
        try {
            PrivateKey a = newKey();
            Files.writeString(fileA, KeyDirectory.toPem(a));
            // newer than any key already there (the test key generated at start), older than B
            Files.setLastModifiedTime(fileA, FileTime.from(Instant.now().plusSeconds(60)));
            keys.reload();
            SigningKey keyA = keys.active();
            assertEquals(fileA.getFileName().toString(), keyA.fileName());
            String signedByA = sign(account.userId(), keyA);

            Files.writeString(fileB, KeyDirectory.toPem(newKey()));
            Files.setLastModifiedTime(fileB, FileTime.from(Instant.now().plusSeconds(120)));
            keys.reload();
            SigningKey keyB = keys.active();
            assertEquals(fileB.getFileName().toString(), keyB.fileName());

            given().get("/.well-known/jwks.json")
                    .then()
                    .statusCode(200)
                    .body("keys.kid", hasItems(keyA.kid(), keyB.kid()));
            me(signedByA).then().statusCode(200).body("data.id", is(account.userId()));

            String signedByB = issuer.issue(
                            new TokenIssuer.Subject(UUID.fromString(account.userId()), account.email(), "free", false))
                    .token();
            assertEquals(keyB.kid(), header(signedByB).getString("kid"));
            me(signedByB).then().statusCode(200).body("data.id", is(account.userId()));
        } finally {
            Files.deleteIfExists(fileA);
            Files.deleteIfExists(fileB);
            keys.reload();
        }
    }

    private static String sign(String userId, SigningKey key) {
        Instant now = Instant.now();
        return Jwt.claims()
                .issuer("https://writerstree.com")
                .subject(userId)
                .claim("userId", userId)
                .claim("tier", "free")
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.kid())
                .sign(key.privateKey());
    }

    private static PrivateKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }
}
