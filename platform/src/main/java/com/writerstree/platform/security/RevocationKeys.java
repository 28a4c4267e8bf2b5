package com.writerstree.platform.security;

import java.time.Duration;

/**
 * The session revocation contract (docs/CONTRACTS.md, "Session revocation"): identity-service writes these Redis
 * keys, every service (through {@link RevocationAugmentor}) and the gateway read them. One place for the names, so
 * that writer and readers cannot drift apart.
 *
 * <ul>
 *   <li>{@code auth:revoked:<jti>} = {@code 1}, TTL until the token's exp: that one session ended (logout);
 *   <li>{@code auth:revoked-before:<userId>} = epoch seconds, TTL {@link #REVOKED_BEFORE_TTL}: every token of the
 *       user with {@code iat} strictly before the value is revoked (password reset, Google link of an unverified
 *       account, deletion);
 *   <li>after each write identity publishes {@code {"jti","userId","revokedBefore"}} on {@link #CHANNEL}.
 * </ul>
 */
public final class RevocationKeys {

    public static final String REVOKED_PREFIX = "auth:revoked:";
    public static final String REVOKED_BEFORE_PREFIX = "auth:revoked-before:";
    public static final String CHANNEL = "auth:revocations";
    /** Longer than the longest session (7 days), so a user-wide revocation outlives every token it hits. */
    public static final Duration REVOKED_BEFORE_TTL = Duration.ofDays(8);

    private RevocationKeys() {}

    public static String revokedKey(String jti) {
        // a token without jti cannot be revoked alone; "-" never names a real jti (UUIDs)
        return REVOKED_PREFIX + (jti == null || jti.isBlank() ? "-" : jti);
    }

    public static String revokedBeforeKey(String userId) {
        return REVOKED_BEFORE_PREFIX + userId;
    }

    /**
     * The rule every reader applies to the two values: a jti entry revokes; a revoked-before value revokes tokens
     * issued strictly before it; an unreadable value revokes (it must not let a maybe-revoked session through).
     */
    public static boolean isRevoked(String jtiEntry, String revokedBefore, long issuedAtEpochSeconds) {
        if (jtiEntry != null) {
            return true;
        }
        if (revokedBefore == null || revokedBefore.isBlank()) {
            return false;
        }
        try {
            return issuedAtEpochSeconds < Long.parseLong(revokedBefore.strip());
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
