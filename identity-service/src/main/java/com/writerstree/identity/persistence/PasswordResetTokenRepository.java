package com.writerstree.identity.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Password reset tokens (forgot-password issues them, reset-password redeems them once). */
@ApplicationScoped
public class PasswordResetTokenRepository implements PanacheRepositoryBase<PasswordResetToken, UUID> {

    /** Whether the token is known, unused and unexpired, without using it up. */
    public boolean isRedeemable(String tokenHash, Instant now) {
        return count("tokenHash = ?1 and usedAt is null and expiresAt > ?2", tokenHash, now) > 0;
    }

    /** Marks the token used if it is still redeemable and returns its user (single use under concurrency). */
    public Optional<UUID> redeem(String tokenHash, Instant now) {
        int updated = update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, tokenHash);
        if (updated == 0) {
            return Optional.empty();
        }
        return find("tokenHash", tokenHash).firstResultOptional().map(token -> token.userId);
    }

    /** Ends every still-open token of the user: a newer link (or a completed reset) replaces them. */
    public int invalidateOpen(UUID userId, Instant now) {
        return update("usedAt = ?1 where userId = ?2 and usedAt is null", now, userId);
    }
}
