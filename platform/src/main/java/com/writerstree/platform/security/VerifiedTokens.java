package com.writerstree.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The JWT parser of every service and of the gateway (it replaces SmallRye's {@link DefaultJWTParser} as the
 * {@link JWTParser} bean): a token whose exact bytes were verified a moment ago is not verified again. A writer's
 * editor sends the same token with every autosave and suggestion request, and the RS256 signature check plus the
 * claims' JSON parse was the largest share of a suggestion request's allocation (JFR, issue 11/12).
 *
 * <p>What is remembered is the verified token itself, keyed by the whole compact serialisation (signature
 * included), so a hit is the same bytes that passed. A hit is served only before the token's {@code exp} and for
 * at most {@code writerstree.jwt-cache.ttl} (60 s) after its verification, so a signing key withdrawn from the
 * JWKS stops being honoured within that time. Failures are never remembered. Revocation is not this class's
 * concern: {@link RevocationCheck} runs after it on every request, as before. Bounded: at most {@code max-entries}
 * tokens; when full, expired ones are dropped, and if none are, everything is (one re-verification each).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Settings of the verified-token cache. */
    @ConfigMapping(prefix = "writerstree.jwt-cache")
    public interface Config {
        /** Longest time a verification is reused; 0 turns the cache off. */
        @WithDefault("PT60S")
        Duration ttl();

        /** Tokens remembered at most. */
        @WithDefault("4096")
        int maxEntries();
    }

    private record Entry(JsonWebToken jwt, long reuseUntilMillis) {}

    private final DefaultJWTParser delegate;
    private final long ttlMillis;
    private final int maxEntries;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Entry> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(DefaultJWTParser delegate, Config config) {
        this(delegate, config.ttl().toMillis(), config.maxEntries(), System::currentTimeMillis);
    }

    VerifiedTokens(DefaultJWTParser delegate, long ttlMillis, int maxEntries, LongSupplier clock) {
        this.delegate = delegate;
        this.ttlMillis = ttlMillis;
        this.maxEntries = Math.max(1, maxEntries);
        this.clock = clock;
    }

    /** The token as verified a moment ago, if it was and may still be reused; never verifies. */
    public Optional<JsonWebToken> known(String token) {
        if (token == null || ttlMillis <= 0) {
            return Optional.empty();
        }
        Entry entry = verified.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() >= entry.reuseUntilMillis()) {
            verified.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.jwt());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> hit = known(token);
        if (hit.isPresent()) {
            return hit.get();
        }
        JsonWebToken jwt = delegate.parse(token);
        remember(token, jwt);
        return jwt;
    }

    int size() {
        return verified.size();
    }

    private void remember(String token, JsonWebToken jwt) {
        if (ttlMillis <= 0 || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long until = Math.min(now + ttlMillis, jwt.getExpirationTime() * 1000);
        if (until <= now) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(e -> now >= e.reuseUntilMillis());
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, new Entry(jwt, until));
    }

    // the rest is SmallRye's parser unchanged (explicit keys and contexts are not the request path)

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
