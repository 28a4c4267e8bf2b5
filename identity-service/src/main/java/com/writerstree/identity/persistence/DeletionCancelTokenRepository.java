package com.writerstree.identity.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Cancel links of account deletions (DELETE /users/me issues one, POST /auth/cancel-deletion redeems it once). */
@ApplicationScoped
public class DeletionCancelTokenRepository implements PanacheRepositoryBase<DeletionCancelToken, UUID> {

    /** Marks the token used if it is still redeemable and returns its user (single use under concurrency). */
    public Optional<UUID> redeem(String tokenHash, Instant now) {
        int updated = update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, tokenHash);
        if (updated == 0) {
            return Optional.empty();
        }
        return find("tokenHash", tokenHash).firstResultOptional().map(token -> token.userId);
    }
}
