package com.writerstree.identity.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An account (table {@code users}): an entity with public fields, like every entity of the suite; the methods are the
 * account's state changes. Never leaves the service: resources answer with DTO records.
 */
@Entity
@Table(name = "users")
public class User {

    public static final String TIER_FREE = "free";
    public static final String TIER_PREMIUM = "premium";

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "google_id")
    public String googleId;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_login")
    public Instant lastLogin;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> preferences = new LinkedHashMap<>();

    @Column(name = "subscription_tier", nullable = false)
    public String subscriptionTier = TIER_FREE;

    @Column(name = "subscription_expires_at")
    public Instant subscriptionExpiresAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public User() {}

    /** A new password account; {@code email} is already normalized (trimmed, lower-case). */
    public static User register(String email, String passwordHash, String fullName, Instant now) {
        User user = new User();
        user.email = email;
        user.passwordHash = passwordHash;
        user.fullName = fullName;
        user.emailVerified = false;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /** A new account created by Google sign-in: no password, the email verified by Google. */
    public static User registerWithGoogle(String email, String googleId, String fullName, Instant now) {
        User user = register(email, null, fullName, now);
        user.googleId = googleId;
        user.emailVerified = true;
        return user;
    }

    /** Links a Google account; Google verified the email, so the address is verified too. */
    public void linkGoogle(String googleId, Instant now) {
        this.googleId = googleId;
        this.emailVerified = true;
        this.updatedAt = now;
    }

    public void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    public void rename(String fullName, Instant now) {
        this.fullName = fullName;
        this.updatedAt = now;
    }

    /** Replaces the stored preferences (a new map, so that Hibernate sees the change). */
    public void replacePreferences(Map<String, Object> preferences, Instant now) {
        this.preferences = new LinkedHashMap<>(preferences);
        this.updatedAt = now;
    }

    /** Returns whether this changed anything (verifying twice is harmless). */
    public boolean markEmailVerified(Instant now) {
        if (emailVerified) {
            return false;
        }
        emailVerified = true;
        updatedAt = now;
        return true;
    }

    /** Soft delete (DELETE /users/me): sign-in is refused until the deletion is cancelled or the purge runs. */
    public void markDeleted(Instant now) {
        deletedAt = now;
        updatedAt = now;
    }

    /** Cancels a soft delete inside the grace period: the account is as it was. */
    public void restore(Instant now) {
        deletedAt = null;
        updatedAt = now;
    }

    public void recordLogin(Instant now) {
        lastLogin = now;
    }

    /** The tier in force now: premium only until the subscription expires. */
    public String effectiveTier(Instant now) {
        if (TIER_PREMIUM.equals(subscriptionTier)
                && subscriptionExpiresAt != null
                && !subscriptionExpiresAt.isAfter(now)) {
            return TIER_FREE;
        }
        return subscriptionTier;
    }
}
