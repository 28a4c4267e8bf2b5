package com.writerstree.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the deny list said about recently seen tokens (by jti), so that a service asks Redis at most once per
 * token per {@code ttl}. "Revoked" is final and kept; "not revoked" is trusted for {@code ttl} and, during a
 * Redis outage, for {@code outageGrace}. Bounded: when full, answers older than the grace are dropped, then all.
 * Pure (time is passed in), tested without Quarkus.
 */
public final class RevocationCache {

    private record Verdict(String userId, boolean revoked, Instant checkedAt) {}

    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Duration outageGrace;
    private final int maxEntries;

    public RevocationCache(Duration ttl, Duration outageGrace, int maxEntries) {
        this.ttl = ttl;
        this.outageGrace = outageGrace;
        this.maxEntries = Math.max(1, maxEntries);
    }

    /** TRUE = revoked, FALSE = checked not revoked within the ttl, null = ask Redis. */
    public Boolean fresh(String tokenKey, Instant now) {
        Verdict v = verdicts.get(tokenKey);
        if (v == null) {
            return null;
        }
        if (v.revoked()) {
            return Boolean.TRUE;
        }
        return v.checkedAt().plus(ttl).isAfter(now) ? Boolean.FALSE : null;
    }

    /** Whether the token was found not revoked recently enough to keep working while Redis is unreachable. */
    public boolean activeWithinGrace(String tokenKey, Instant now) {
        Verdict v = verdicts.get(tokenKey);
        return v != null && !v.revoked() && v.checkedAt().plus(outageGrace).isAfter(now);
    }

    public void record(String tokenKey, String userId, boolean revoked, Instant now) {
        if (verdicts.size() >= maxEntries && !verdicts.containsKey(tokenKey)) {
            evict(now);
        }
        verdicts.put(tokenKey, new Verdict(userId, revoked, now));
    }

    /** Forgets what is known about one token, or (tokenKey null) about every token of the user. */
    public void forget(String tokenKey, String userId) {
        if (tokenKey != null) {
            verdicts.remove(tokenKey);
        }
        if (userId != null) {
            verdicts.values().removeIf(v -> userId.equals(v.userId()));
        }
    }

    public int size() {
        return verdicts.size();
    }

    private void evict(Instant now) {
        for (Iterator<Verdict> it = verdicts.values().iterator(); it.hasNext(); ) {
            Verdict v = it.next();
            if (!v.checkedAt().plus(outageGrace).isAfter(now)) {
                it.remove();
            }
        }
        if (verdicts.size() >= maxEntries) {
            verdicts.clear();
        }
    }
}
