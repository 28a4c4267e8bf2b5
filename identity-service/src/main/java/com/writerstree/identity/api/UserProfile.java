package com.writerstree.identity.api;

import com.writerstree.identity.domain.user.Preferences;
import com.writerstree.identity.persistence.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** {@code GET /users/me} data (spec §4.2). */
public record UserProfile(
        UUID id,
        String email,
        String fullName,
        boolean emailVerified,
        String tier,
        Instant createdAt,
        Instant lastLogin,
        Map<String, Object> preferences) {

    public static UserProfile of(User user, Instant now) {
        return new UserProfile(
                user.id,
                user.email,
                user.fullName,
                user.emailVerified,
                user.effectiveTier(now),
                millis(user.createdAt),
                millis(user.lastLogin),
                Preferences.withDefaults(user.preferences));
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
