package com.writerstree.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The token of the cancel link in the deletion mail (only its hash is stored); single use, valid for the grace. */
@Entity
@Table(name = "deletion_cancel_tokens")
public class DeletionCancelToken extends OneTimeToken {

    protected DeletionCancelToken() {}

    public DeletionCancelToken(UUID userId, String tokenHash, Instant now, Duration lifetime) {
        super(userId, tokenHash, now, lifetime);
    }
}
