package com.writerstree.gateway.domain.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
@PactTestFor(providerName = "identity-service", pactVersion = PactSpecVersion.V3)
@PactDirectory("../contracts/pacts")
class IdentityServicePactTest {

    /** An example 2048-bit modulus (base64url), fixed so that the pact file does not change from run to run. */
    private static final String EXAMPLE_MODULUS =
            "____________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________________YQ";

    @Pact(consumer = "sync-gateway")
    public RequestResponsePact keys(PactDslWithProvider builder) {
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
                        .stringMatcher("n", "[A-Za-z0-9_-]+", EXAMPLE_MODULUS)
                        .stringMatcher("e", "[A-Za-z0-9_-]+", "AQAB")
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
}
