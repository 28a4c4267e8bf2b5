package com.writerstree.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the deny list said about recently seen tokens (by jti), so that a service asks Redis at most once per
 * token per {@code ttl}. "Revoked" is final and kept; "not revoked" is trusted for {@code ttl} and, during a
 * Redis outage, for {@code outageGrace}. Bounded: when full, answers older than the grace are dropped, then all.
 * Pure (time is passed in), tested without Quarkus.
 *
 * <p>Every forget moves an epoch on. A lookup notes the epoch before it asks Redis and passes it to
 * {@link #record(String, String, boolean, Instant, long)}: a "not revoked" answer read before a revocation but
 * delivered after its forget is then not kept (it would otherwise be trusted for a whole ttl after the logout).
 */
public final class RevocationCache {

    private record Verdict(String userId, boolean revoked, Instant checkedAt) {}

    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Duration outageGrace;
    private final int maxEntries;
    private final AtomicLong epoch = new AtomicLong();
    private volatile Instant trustedSince = Instant.MIN;

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
        return v.checkedAt().plus(ttl).isAfter(now) && !v.checkedAt().isBefore(trustedSince) ? Boolean.FALSE : null;
    }

    /** Whether the token was found not revoked recently enough to keep working while Redis is unreachable. */
    public boolean activeWithinGrace(String tokenKey, Instant now) {
        Verdict v = verdicts.get(tokenKey);
        return v != null && !v.revoked() && v.checkedAt().plus(outageGrace).isAfter(now);
    }

    /** The current epoch: note it before asking Redis, pass it to {@link #record(String, String, boolean, Instant, long)}. */
    public long epoch() {
        return epoch.get();
    }

    /**
     * Records an answer read from Redis when the epoch was {@code seenEpoch}; a "not revoked" answer is dropped when
     * anything was forgotten since (it may predate that revocation). "Revoked" is always kept.
     */
    public void record(String tokenKey, String userId, boolean revoked, Instant now, long seenEpoch) {
        if (!revoked && epoch.get() != seenEpoch) {
            return;
        }
        if (verdicts.size() >= maxEntries && !verdicts.containsKey(tokenKey)) {
            evict(now);
        }
        Verdict verdict = new Verdict(userId, revoked, now);
        verdicts.put(tokenKey, verdict);
        if (!revoked && epoch.get() != seenEpoch) {
            // a forget ran between the check above and the put (forgets move the epoch before they remove)
            verdicts.remove(tokenKey, verdict);
        }
    }

    /** Forgets what is known about one token, or (tokenKey null) about every token of the user. */
    public void forget(String tokenKey, String userId) {
        epoch.incrementAndGet();
        if (tokenKey != null) {
            verdicts.remove(tokenKey);
        }
        if (userId != null) {
            verdicts.values().removeIf(v -> userId.equals(v.userId()));
        }
    }

    /**
     * Stops trusting the "not revoked" answers read before {@code now} as fresh (revocations may have gone unheard,
     * e.g. while the subscription to their channel was lost); they still count for the outage grace, so a writer
     * mid-session keeps saving if Redis commands fail right after. "Revoked" answers stay final.
     */
    public void distrustAnswersBefore(Instant now) {
        epoch.incrementAndGet();
        trustedSince = now;
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
