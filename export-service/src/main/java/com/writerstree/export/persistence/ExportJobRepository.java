package com.writerstree.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ExportJobRepository implements PanacheRepositoryBase<ExportJob, UUID> {

    public List<ExportJob> forProject(UUID projectId) {
        return list("projectId", projectId);
    }

    public List<ExportJob> forUser(UUID userId) {
        return list("userId", userId);
    }

    public Optional<ExportJob> ownedBy(UUID id, UUID userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** The user's exports whose files are still (or soon) downloadable, newest first. */
    public List<ExportJob> recent(UUID userId, Instant now, int limit) {
        return find(
                        "userId = ?1 and expiresAt > ?2 and status <> ?3",
                        Sort.descending("createdAt"),
                        userId,
                        now,
                        ExportJob.EXPIRED)
                .page(Page.ofSize(limit))
                .list();
    }

    /** Files whose time is up, oldest first. */
    public List<ExportJob> expired(Instant now, int limit) {
        return find("expiresAt <= ?1 and objectKey is not null", Sort.ascending("expiresAt"), now)
                .page(Page.ofSize(limit))
                .list();
    }

    /** Background jobs that never finished (the service stopped while they ran). */
    public long failStale(Instant startedBefore) {
        return update(
                "status = ?1 where status = ?2 and createdAt < ?3",
                ExportJob.FAILED,
                ExportJob.PROCESSING,
                startedBefore);
    }
}
