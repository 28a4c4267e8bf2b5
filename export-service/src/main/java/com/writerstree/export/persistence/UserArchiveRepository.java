package com.writerstree.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserArchiveRepository implements PanacheRepositoryBase<UserArchive, UUID> {

    public Optional<UserArchive> ownedBy(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** The user's archive still being assembled, if any (one at a time per user). */
    public Optional<UserArchive> running(UUID userId) {
        return find("userId = ?1 and status = ?2", userId, UserArchive.PROCESSING)
                .firstResultOptional();
    }

    public List<UserArchive> forUser(UUID userId) {
        return list("userId = ?1 order by createdAt", userId);
    }

    /** Archives whose file is due for deletion. */
    public List<UserArchive> expired(Instant now, int limit) {
        return find("objectKey is not null and expiresAt <= ?1", now)
                .page(0, limit)
                .list();
    }

    /** Marks archives that have been "processing" since before {@code before} (their instance died) as failed. */
    public long failStale(Instant before) {
        return update(
                "status = ?1, failure = ?2 where status = ?3 and createdAt < ?4",
                UserArchive.FAILED,
                "interrupted",
                UserArchive.PROCESSING,
                before);
    }
}
