package com.writerstree.gateway.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer-driven contract of identity-service's JWKS as the gateway uses it: smallrye-jwt fetches
 * {@code /.well-known/jwks.json} (the platform's {@code mp.jwt.verify.publickey.location}) and picks the RS256 key
 * named by a token's {@code kid} with jose4j, the library read here. The pact file goes to
 * {@code contracts/pacts/sync-gateway-identity-service.json}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "identity-service")
@PactDirectory("../contracts/pacts")
class IdentityServicePactTest {

    @Pact(consumer = "sync-gateway")
    RequestResponsePact keys(PactDslWithProvider builder) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        return builder.given("identity-service signs with at least one RSA key")
                .uponReceiving("the JWKS request of a token check")
                .method("GET")
                .path("/.well-known/jwks.json")
                .willRespondWith()
                .status(200)
                .body(new PactDslJsonBody()
                        .minArrayLike("keys", 1)
                        .stringValue("kty", "RSA")
                        .stringType("kid", "2026-11-key-1")
                        .stringValue("use", "sig")
                        .stringValue("alg", "RS256")
                        .stringMatcher("n", "[A-Za-z0-9_-]+", base64url(key.getModulus()))
                        .stringMatcher("e", "[A-Za-z0-9_-]+", base64url(key.getPublicExponent()))
                        .closeObject()
                        .closeArray())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "keys")
    void theKeysAreRs256SigningKeysJose4jCanUse(MockServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.getUrl() + "/.well-known/jwks.json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        List<JsonWebKey> keys = new JsonWebKeySet(response.body()).getJsonWebKeys();
        assertFalse(keys.isEmpty());
        for (JsonWebKey key : keys) {
            assertTrue(key instanceof RsaJsonWebKey, key.getKeyType());
            assertEquals("RS256", key.getAlgorithm());
            assertEquals("sig", key.getUse());
            assertTrue(key.getKeyId() != null && !key.getKeyId().isBlank());
            assertTrue(((RsaJsonWebKey) key).getRsaPublicKey().getModulus().bitLength() >= 2048);
        }
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
