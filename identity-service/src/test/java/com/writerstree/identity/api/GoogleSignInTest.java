package com.writerstree.identity.api;

import static com.writerstree.identity.IdentityClient.PASSWORD;
import static com.writerstree.identity.IdentityClient.awaitSecondAfter;
import static com.writerstree.identity.IdentityClient.login;
import static com.writerstree.identity.IdentityClient.mailedToken;
import static com.writerstree.identity.IdentityClient.me;
import static com.writerstree.identity.IdentityClient.post;
import static com.writerstree.identity.IdentityClient.register;
import static com.writerstree.identity.IdentityClient.registerVerified;
import static com.writerstree.identity.IdentityClient.uniqueEmail;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import com.writerstree.identity.IdentityClient.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Google sign-in against a JWKS this test serves itself (on the port %test points identity.google.jwks-url at),
 * with ID tokens it signs with its own RSA key.
 */
@QuarkusTest
class GoogleSignInTest {

    private static final String CLIENT_ID = "writerstree-test.apps.googleusercontent.com";
    private static final String KID = "google-test-key";
    private static final int JWKS_PORT = 18982;

    private static HttpServer jwksServer;
    private static PrivateKey googleKey;
    private static PrivateKey otherKey;

    @BeforeAll
    static void serveGoogleKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair google = generator.generateKeyPair();
        googleKey = google.getPrivate();
        otherKey = generator.generateKeyPair().getPrivate();
        RSAPublicKey pub = (RSAPublicKey) google.getPublic();
        byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"" + KID + "\",\"n\":\""
                        + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", JWKS_PORT), 0);
        jwksServer.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        jwksServer.start();
    }

    @AfterAll
    static void stop() {
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    @Test
    void aNewGoogleUserGetsAVerifiedAccountAndSignsInToTheSameOneAgain() {
        String email = uniqueEmail();
        String googleId = "g-" + UUID.randomUUID();

        Response first = google(idToken(googleId, email).sign(googleKey));
        first.then()
                .statusCode(200)
                .body("success", is(true))
                .body("data.user.email", is(email))
                .body("data.user.fullName", is("Grace Google"))
                .body("data.user.emailVerified", is(true))
                .body("data.user.tier", is("free"))
                .header("Set-Cookie", startsWith("auth_token=" + first.path("data.token") + ";"));
        String userId = first.path("data.user.id");
        me(first.path("data.token"))
                .then()
                .statusCode(200)
                .body("data.id", is(userId))
                .body("data.emailVerified", is(true));

        google(idToken(googleId, email).sign(googleKey)).then().statusCode(200).body("data.user.id", is(userId));
        // no password: a password login of the account fails like any wrong password
        post("/auth/login", Map.of("email", email, "password", "SecurePass123!"))
                .then()
                .statusCode(401);
    }

    @Test
    void aGoogleSignInWithTheEmailOfAVerifiedAccountLinksItAndKeepsItsPasswordAndSessions() {
        String email = uniqueEmail();
        Account account = registerVerified(email);

        google(idToken("g-" + UUID.randomUUID(), email.toUpperCase()).sign(googleKey))
                .then()
                .statusCode(200)
                .body("data.user.id", is(account.userId()))
                .body("data.user.emailVerified", is(true))
                .body("data.user.fullName", is("Jane Writer"));
        // the owner proved the address by mail before: the password and sessions are theirs
        me(account.registrationToken()).then().statusCode(200).body("data.emailVerified", is(true));
        login(email, PASSWORD).then().statusCode(200);
    }

    /**
     * Issue #8 item 2: a stranger registers the victim's address with their own password (never verified); the
     * owner's Google sign-in must not leave the stranger a way in: the unproven password is removed and every
     * session issued before the link is revoked.
     */
    @Test
    void linkingAnUnverifiedPasswordAccountDropsTheUnprovenPasswordAndEndsItsSessions() {
        String email = uniqueEmail();
        Account squatted = register(email); // the stranger's password and 24 h session
        awaitSecondAfter(Instant.now().getEpochSecond());

        Response owner = google(idToken("g-" + UUID.randomUUID(), email).sign(googleKey));
        owner.then()
                .statusCode(200)
                .body("data.user.id", is(squatted.userId()))
                .body("data.user.emailVerified", is(true));

        me(squatted.registrationToken()).then().statusCode(401).body("error.code", is("INVALID_TOKEN"));
        login(email, PASSWORD).then().statusCode(401).body("error.code", is("INVALID_CREDENTIALS"));
        // the verification link mailed to the stranger's registration is dead too
        post("/auth/verify-email", Map.of("token", mailedToken(email, 1)))
                .then()
                .statusCode(400);
        me(owner.path("data.token")).then().statusCode(200).body("data.emailVerified", is(true));
    }

    @Test
    void invalidIdTokensAreRefused() {
        String email = uniqueEmail();
        String googleId = "g-" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();

        expectInvalid(idToken(googleId, email)
                .audience("someone-else.apps.googleusercontent.com")
                .sign(googleKey));
        expectInvalid(idToken(googleId, email).sign(otherKey));
        expectInvalid(idToken(googleId, email)
                .issuedAt(now - 7200)
                .expiresAt(now - 3600)
                .sign(googleKey));
        expectInvalid(
                idToken(googleId, email).issuer("https://evil.example.com").sign(googleKey));
        expectInvalid(idToken(googleId, email).claim("email_verified", false).sign(googleKey));
        expectInvalid("not.a.jwt");
        post("/auth/google", Map.of()).then().statusCode(400).body("error.details.field", is("googleToken"));
    }

    private static void expectInvalid(String token) {
        Response r = google(token);
        assertEquals(401, r.statusCode(), r.asString());
        assertEquals("INVALID_TOKEN", r.path("error.code"));
    }

    private static Response google(String token) {
        return post("/auth/google", Map.of("googleToken", token));
    }

    /** Claims of a valid Google ID token; {@code .sign(key)} after optional changes. */
    private static SignableToken idToken(String googleId, String email) {
        long now = Instant.now().getEpochSecond();
        return new SignableToken(Jwt.claims()
                .issuer("https://accounts.google.com")
                .audience(CLIENT_ID)
                .subject(googleId)
                .claim("email", email)
                .claim("email_verified", true)
                .claim("name", "Grace Google")
                .issuedAt(now)
                .expiresAt(now + 3600));
    }

    private record SignableToken(JwtClaimsBuilder claims) {
        SignableToken audience(String aud) {
            claims.audience(aud);
            return this;
        }

        SignableToken issuer(String iss) {
            claims.issuer(iss);
            return this;
        }

        SignableToken issuedAt(long iat) {
            claims.issuedAt(iat);
            return this;
        }

        SignableToken expiresAt(long exp) {
            claims.expiresAt(exp);
            return this;
        }

        SignableToken claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        String sign(PrivateKey key) {
            return claims.jws()
                    .keyId(KID)
                    .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                    .sign(key);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
