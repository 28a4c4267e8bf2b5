package com.writerstree.identity.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EmailVerificationTokenRepository implements PanacheRepositoryBase<EmailVerificationToken, UUID> {

    /**
     * Marks the token used if it is known, unused and unexpired, and returns its user. The conditional update
     * makes a token single-use even when two requests redeem it at once: only one of them updates the row.
     */
    public Optional<UUID> redeem(String tokenHash, Instant now) {
        int updated = update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, tokenHash);
        if (updated == 0) {
            return Optional.empty();
        }
        return find("tokenHash", tokenHash).firstResultOptional().map(token -> token.userId);
    }

    /** Ends every still-open token of the user (a newer mail replaces them). */
    public int invalidateOpen(UUID userId, Instant now) {
        return update("usedAt = ?1 where userId = ?2 and usedAt is null", now, userId);
    }
}
