package com.writerstree.suggestion.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockOptions;

@ApplicationScoped
public class AdaptationRequestRepository implements PanacheRepositoryBase<AdaptationRequest, UUID> {

    /**
     * Records that {@code version} of the project should be learned, no earlier than {@code earliest}. An
     * existing request keeps its due time (a writer who saves every few seconds must not push it out forever)
     * and takes the newer version.
     */
    public void request(UUID projectId, UUID userId, int version, Instant earliest) {
        getEntityManager()
                .createNativeQuery(
                        "INSERT INTO adaptation_requests (project_id, user_id, content_version, due_at)"
                                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (project_id) DO UPDATE"
                                + " SET content_version = GREATEST(adaptation_requests.content_version, EXCLUDED.content_version)")
                .setParameter(1, projectId)
                .setParameter(2, userId)
                .setParameter(3, version)
                .setParameter(4, earliest)
                .executeUpdate();
    }

    /** Due requests, locked so that another replica's scheduler skips them. */
    public List<AdaptationRequest> claimDue(Instant now, int limit) {
        return find("dueAt <= ?1 order by dueAt", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .page(0, limit)
                .list();
    }

    public long deleteByUser(UUID userId) {
        return delete("userId", userId);
    }
}
