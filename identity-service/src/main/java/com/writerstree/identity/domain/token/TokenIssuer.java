package com.writerstree.identity.domain.token;

import com.writerstree.identity.config.IdentityConfig;
import com.writerstree.identity.domain.token.KeyDirectory.SigningKey;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Signs session tokens (RS256, claims per spec §3.2 plus sub, emailVerified and jti). */
@ApplicationScoped
public class TokenIssuer {

    /** The subject of a token: who it is for, as the token states it. */
    public record Subject(UUID userId, String email, String tier, boolean emailVerified) {}

    /** A signed token and how long it (and the cookie carrying it) lives. */
    public record IssuedToken(String token, Duration lifetime) {}

    private final IdentityConfig config;
    private final SigningKeys keys;

    public TokenIssuer(IdentityConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    /** A verified account gets a full session; an unverified one a short session (see README, "Decisions"). */
    public IssuedToken issue(Subject subject) {
        Duration lifetime =
                subject.emailVerified() ? config.jwt().lifetime() : config.jwt().unverifiedLifetime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SigningKey key = keys.active();
        String token = Jwt.claims()
                .issuer(config.jwt().issuer())
                .subject(subject.userId().toString())
                .claim("userId", subject.userId().toString())
                .claim("email", subject.email())
                .claim("tier", subject.tier())
                .claim("emailVerified", subject.emailVerified())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.kid())
                .sign(key.privateKey());
        return new IssuedToken(token, lifetime);
    }
}
