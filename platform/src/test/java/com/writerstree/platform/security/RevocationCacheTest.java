package com.writerstree.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private final RevocationCache cache = new RevocationCache(Duration.ofSeconds(2), Duration.ofMinutes(5), 4);

    @Test
    void aNotRevokedAnswerIsTrustedForTheTtlOnlyAndDuringAnOutageForTheGrace() {
        cache.record("jti-1", "user-1", false, T0, cache.epoch());
        assertEquals(Boolean.FALSE, cache.fresh("jti-1", T0.plusMillis(1999)));
        assertNull(cache.fresh("jti-1", T0.plusSeconds(2)), "after the ttl Redis is asked again");
        assertTrue(cache.activeWithinGrace("jti-1", T0.plusSeconds(299)));
        assertFalse(cache.activeWithinGrace("jti-1", T0.plusSeconds(300)));
        assertFalse(cache.activeWithinGrace("never-seen", T0), "an unknown token does not ride on the cache");
    }

    @Test
    void aRevokedAnswerIsFinalAndNeverCountsAsActive() {
        cache.record("jti-1", "user-1", true, T0, cache.epoch());
        assertEquals(Boolean.TRUE, cache.fresh("jti-1", T0.plus(Duration.ofDays(1))));
        assertFalse(cache.activeWithinGrace("jti-1", T0));
    }

    @Test
    void forgettingAUserDropsEveryTokenOfThatUser() {
        cache.record("jti-1", "user-1", false, T0, cache.epoch());
        cache.record("jti-2", "user-1", false, T0, cache.epoch());
        cache.record("jti-3", "user-2", false, T0, cache.epoch());
        cache.forget(null, "user-1");
        assertNull(cache.fresh("jti-1", T0));
        assertNull(cache.fresh("jti-2", T0));
        assertEquals(Boolean.FALSE, cache.fresh("jti-3", T0));
        cache.forget("jti-3", null);
        assertNull(cache.fresh("jti-3", T0));
    }

    @Test
    void anAnswerReadBeforeARevocationButDeliveredAfterItIsNotKept() {
        long before = cache.epoch();
        cache.forget(null, "user-1"); // the revocation's message arrives while the lookup is in flight
        cache.record("jti-1", "user-1", false, T0, before);
        assertNull(cache.fresh("jti-1", T0), "the stale 'not revoked' answer would let a logged-out token through");
        assertFalse(cache.activeWithinGrace("jti-1", T0));
        cache.record("jti-1", "user-1", false, T0, cache.epoch());
        assertEquals(Boolean.FALSE, cache.fresh("jti-1", T0), "a lookup started after it is kept");
        cache.record("jti-2", "user-2", true, T0, before);
        assertEquals(Boolean.TRUE, cache.fresh("jti-2", T0), "'revoked' is kept whenever it was read");
    }

    @Test
    void answersReadBeforeASubscriptionGapAreAskedAgainButStillCarryTheOutageGrace() {
        cache.record("jti-1", "user-1", false, T0, cache.epoch());
        cache.record("jti-2", "user-2", true, T0, cache.epoch());
        cache.distrustAnswersBefore(T0.plusMillis(500));
        assertNull(cache.fresh("jti-1", T0.plusMillis(600)), "a revocation of the gap may have been missed");
        assertTrue(cache.activeWithinGrace("jti-1", T0.plusMillis(600)), "a writer mid-session keeps saving");
        assertEquals(Boolean.TRUE, cache.fresh("jti-2", T0.plusMillis(600)));
        cache.record("jti-1", "user-1", false, T0.plusMillis(700), cache.epoch());
        assertEquals(Boolean.FALSE, cache.fresh("jti-1", T0.plusMillis(800)));
    }

    @Test
    void theCacheStaysBounded() {
        for (int i = 0; i < 100; i++) {
            cache.record("jti-" + i, "user", false, T0.plusSeconds(i), cache.epoch());
            assertTrue(cache.size() <= 4);
        }
    }

    @Test
    void theContractRuleRevokesByJtiOrByAnEarlierIssueTime() {
        assertTrue(RevocationKeys.isRevoked("1", null, 100));
        assertTrue(RevocationKeys.isRevoked(null, "101", 100));
        assertFalse(RevocationKeys.isRevoked(null, "100", 100), "issued in the second of the reset: valid");
        assertFalse(RevocationKeys.isRevoked(null, null, 100));
        assertTrue(RevocationKeys.isRevoked(null, "garbage", 100), "unreadable values fail closed");
        assertEquals("auth:revoked:-", RevocationKeys.revokedKey(null));
    }
}
