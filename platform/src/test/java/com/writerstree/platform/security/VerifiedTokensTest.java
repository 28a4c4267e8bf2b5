package com.writerstree.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The verified-token cache: a hit is the same bytes, before exp and within the TTL; failures are not kept. */
class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final Map<String, Long> expiries = new HashMap<>();
    private int verifications;

    private final DefaultJWTParser delegate = new DefaultJWTParser() {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications++;
            Long exp = expiries.get(token);
            if (exp == null) {
                throw new ParseException("invalid signature");
            }
            return jwt(exp);
        }
    };

    private VerifiedTokens cache(long ttlMillis, int maxEntries) {
        return new VerifiedTokens(delegate, ttlMillis, maxEntries, now::get);
    }

    @Test
    void theSameTokenIsVerifiedOnceWithinTheTtl() throws Exception {
        VerifiedTokens tokens = cache(60_000, 10);
        expiries.put("a.b.c", now.get() / 1000 + 3600);
        JsonWebToken first = tokens.parse("a.b.c");
        now.addAndGet(59_000);
        assertSame(first, tokens.parse("a.b.c"));
        assertEquals(1, verifications);
        now.addAndGet(1_000);
        tokens.parse("a.b.c");
        assertEquals(2, verifications, "verified again once the TTL is over");
    }

    @Test
    void aTokenIsNeverServedFromTheCacheAtOrAfterItsExpiry() throws Exception {
        VerifiedTokens tokens = cache(60_000, 10);
        expiries.put("a.b.c", now.get() / 1000 + 10);
        tokens.parse("a.b.c");
        now.addAndGet(10_000);
        assertTrue(tokens.known("a.b.c").isEmpty());
        tokens.parse("a.b.c");
        assertEquals(2, verifications);
    }

    @Test
    void failuresAreNotRememberedAndADifferentSignatureIsADifferentToken() throws Exception {
        VerifiedTokens tokens = cache(60_000, 10);
        expiries.put("a.b.c", now.get() / 1000 + 3600);
        tokens.parse("a.b.c");
        assertThrows(ParseException.class, () -> tokens.parse("a.b.forged"));
        assertThrows(ParseException.class, () -> tokens.parse("a.b.forged"));
        assertEquals(3, verifications);
        assertTrue(tokens.known("a.b.forged").isEmpty());
    }

    @Test
    void theCacheStaysBoundedAndZeroTtlTurnsItOff() throws Exception {
        VerifiedTokens tokens = cache(60_000, 3);
        for (int i = 0; i < 10; i++) {
            expiries.put("t" + i, now.get() / 1000 + 3600);
            tokens.parse("t" + i);
            assertTrue(tokens.size() <= 3);
        }
        VerifiedTokens off = cache(0, 3);
        off.parse("t1");
        off.parse("t1");
        assertEquals(12, verifications);
    }

    private static JsonWebToken jwt(long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "writer";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
            }
        };
    }
}
