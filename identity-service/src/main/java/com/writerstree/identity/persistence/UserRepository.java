package com.writerstree.identity.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** The name of the unique constraint on email (V1 migration); a violation means "already exists". */
    public static final String EMAIL_CONSTRAINT = "uq_users_email";

    /** The unique constraint on the linked Google id (V1 migration). */
    public static final String GOOGLE_ID_CONSTRAINT = "uq_users_google_id";

    /** Any account with this (normalized) email, also a soft-deleted one: the address stays taken. */
    public boolean emailTaken(String normalizedEmail) {
        return count("email", normalizedEmail) > 0;
    }

    public Optional<User> findActiveByEmail(String normalizedEmail) {
        return find("email = ?1 and deletedAt is null", normalizedEmail).firstResultOptional();
    }

    public Optional<User> findActive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResultOptional();
    }

    public Optional<User> findActiveByGoogleId(String googleId) {
        return find("googleId = ?1 and deletedAt is null", googleId).firstResultOptional();
    }

    /** A soft-deleted account (inside its grace period, not purged yet). */
    public Optional<User> findDeleted(UUID id) {
        return find("id = ?1 and deletedAt is not null", id).firstResultOptional();
    }

    /** Soft-deleted accounts whose grace period ended ({@code deletedAt <= cutoff}), oldest first. */
    public java.util.List<User> purgeDue(java.time.Instant cutoff, int limit) {
        return find("deletedAt is not null and deletedAt <= ?1 order by deletedAt", cutoff)
                .page(0, limit)
                .list();
    }

    /** Any account with this email, also a soft-deleted one. */
    public Optional<User> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResultOptional();
    }
}
