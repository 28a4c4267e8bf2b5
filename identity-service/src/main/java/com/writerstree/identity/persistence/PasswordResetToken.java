package com.writerstree.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The token of a password reset link (only its hash is stored); single use. Issued by forgot-password. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken extends OneTimeToken {

    protected PasswordResetToken() {}

    public PasswordResetToken(UUID userId, String tokenHash, Instant now, Duration lifetime) {
        super(userId, tokenHash, now, lifetime);
    }
}
