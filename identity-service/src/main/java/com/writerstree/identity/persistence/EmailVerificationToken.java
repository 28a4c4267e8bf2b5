package com.writerstree.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The token of an email verification link (only its hash is stored); single use. */
@Entity
@Table(name = "email_verification_tokens")
public class EmailVerificationToken extends OneTimeToken {

    protected EmailVerificationToken() {}

    public EmailVerificationToken(UUID userId, String tokenHash, Instant now, Duration lifetime) {
        super(userId, tokenHash, now, lifetime);
    }
}
