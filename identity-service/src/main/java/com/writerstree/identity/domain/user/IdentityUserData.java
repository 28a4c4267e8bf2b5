package com.writerstree.identity.domain.user;

import com.writerstree.identity.persistence.OneTimeToken;
import com.writerstree.identity.persistence.User;
import com.writerstree.identity.persistence.UserRepository;
import com.writerstree.platform.messaging.userdata.UserDataOwner;
import com.writerstree.platform.security.RevocationKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * identity's part of a user's data export (docs/CONTRACTS.md "User data export and purge"): profile, preferences,
 * sign-in methods and session metadata, the mailed links' metadata. Never a password hash, a Google id, a token or a
 * token hash. A soft-deleted account is exported too (the deletion flow exports it); an unknown user gets empty parts.
 * Served by platform-messaging's shared {@code GET /internal/users/{userId}/export} (identity consumes no
 * user-events: it deletes its own rows itself when it publishes UserPurged, so {@link #purge} has nothing to do).
 */
@ApplicationScoped
public class IdentityUserData implements UserDataOwner {

    private static final Logger LOG = Logger.getLogger(IdentityUserData.class);

    private final UserRepository users;
    private final EntityManager entities;
    private final RedisDataSource redis;

    public IdentityUserData(UserRepository users, EntityManager entities, RedisDataSource redis) {
        this.users = users;
        this.entities = entities;
        this.redis = redis;
    }

    @Override
    @Transactional
    public Map<String, Object> export(UUID userId) {
        User user = users.findById(userId);
        if (user == null) {
            return Map.of();
        }
        Instant now = Instant.now();
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", user.id);
        profile.put("email", user.email);
        profile.put("fullName", user.fullName);
        profile.put("emailVerified", user.emailVerified);
        profile.put("tier", user.effectiveTier(now));
        profile.put("subscriptionTier", user.subscriptionTier);
        profile.put("subscriptionExpiresAt", user.subscriptionExpiresAt);
        profile.put("createdAt", user.createdAt);
        profile.put("updatedAt", user.updatedAt);
        profile.put("deletedAt", user.deletedAt);

        Map<String, Object> signIn = new LinkedHashMap<>();
        signIn.put("password", user.passwordHash != null);
        signIn.put("google", user.googleId != null);

        Map<String, Object> sessions = new LinkedHashMap<>();
        sessions.put("lastLogin", user.lastLogin);
        sessions.put("allSessionsRevokedBefore", revokedBefore(userId));
        sessions.put(
                "note",
                "Sessions are signed tokens that are not stored; a password reset or the account deletion ends all"
                        + " of them");

        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("profile", profile);
        parts.put("signInMethods", signIn);
        parts.put("preferences", Preferences.withDefaults(user.preferences));
        parts.put("sessions", sessions);
        parts.put("emailVerificationLinks", links("EmailVerificationToken", userId));
        parts.put("passwordResetLinks", links("PasswordResetToken", userId));
        parts.put("deletionCancelLinks", links("DeletionCancelToken", userId));
        return parts;
    }

    /** identity-service deletes the account itself (AccountPurge), before it publishes UserPurged. */
    @Override
    public void purge(UUID userId) {}

    /** When each mailed link was created, expires and was used; never the token or its hash. */
    private List<Map<String, Object>> links(String entity, UUID userId) {
        List<OneTimeToken> tokens = entities.createQuery(
                        "from " + entity + " where userId = :user order by createdAt", OneTimeToken.class)
                .setParameter("user", userId)
                .getResultList();
        return tokens.stream()
                .map(t -> {
                    Map<String, Object> link = new LinkedHashMap<>();
                    link.put("createdAt", t.createdAt);
                    link.put("expiresAt", t.expiresAt);
                    link.put("usedAt", t.usedAt);
                    return link;
                })
                .toList();
    }

    private Instant revokedBefore(UUID userId) {
        try {
            String value = redis.value(String.class).get(RevocationKeys.revokedBeforeKey(userId.toString()));
            return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Revocation marker not readable for the export (%s)",
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
