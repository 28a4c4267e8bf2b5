package com.writerstree.identity.api;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.writerstree.identity.domain.token.SigningKeys;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provider verification of the sync gateway's consumer pact ({@code contracts/pacts/sync-gateway-identity-service.json},
 * written by sync-gateway's {@code IdentityServicePactTest}): the JWKS request is replayed against this running
 * identity-service and its answer must match the pact (kty RSA, use sig, alg RS256; kid, n and e by type/regex, so
 * the test key generated at start satisfies it).
 */
@QuarkusTest
@Provider("identity-service")
@PactFolder("../contracts/pacts")
class GatewayPactVerificationTest {

    @TestHTTPResource("/")
    URL baseUrl;

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(baseUrl.getHost(), baseUrl.getPort()));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verifiesTheGatewaysPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State("identity-service signs with at least one RSA key")
    void signsWithAnRsaKey() {
        // the test profile generates a key at start: the state holds as soon as the service runs
        SigningKeys keys = Arc.container().instance(SigningKeys.class).get();
        if (keys.publicKeys().isEmpty()) {
            throw new IllegalStateException("identity-service has no signing key");
        }
    }
}
