package com.writerstree.project.persistence;

import com.writerstree.project.domain.ProjectStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    private static final Sort DASHBOARD_ORDER = Sort.descending("lastEditedAt")
            .and("createdAt", Sort.Direction.Descending)
            .and("id");

    /**
     * Advisory-lock namespace of "a user's project count" (first key of {@code pg_advisory_xact_lock(int, int)}),
     * so that the lock cannot collide with another use of advisory locks in the same database.
     */
    private static final int PROJECT_COUNT_LOCK_SPACE = 0x50524a01;

    /**
     * A user's projects with one status, or (no status) those in use — active and completed, archived ones
     * hidden — most recently edited first.
     */
    public PanacheQuery<Project> ownedBy(UUID userId, Optional<ProjectStatus> status) {
        return status.map(s -> find(
                        "userId = :userId and status = :status",
                        DASHBOARD_ORDER,
                        Parameters.with("userId", userId).and("status", s)))
                .orElseGet(() -> find(
                        "userId = :userId and status <> :archived",
                        DASHBOARD_ORDER,
                        Parameters.with("userId", userId).and("archived", ProjectStatus.ARCHIVED)));
    }

    /** The project, its row locked until the transaction ends (changes never overwrite each other). */
    public Optional<Project> findForUpdate(UUID projectId) {
        return findByIdOptional(projectId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Serialises, until the current transaction ends, every transaction that counts a user's projects in order
     * to add one (creation, restore): two concurrent creations cannot both see room for one more.
     */
    public void lockProjectCount(UUID userId) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, hashtext(:user))")
                .setParameter("space", PROJECT_COUNT_LOCK_SPACE)
                .setParameter("user", userId.toString())
                .getSingleResult();
    }

    /** How many of the user's projects are not archived (what the free-tier limit counts). */
    public long countNotArchived(UUID userId) {
        return count(
                "userId = :userId and status <> :archived",
                Parameters.with("userId", userId).and("archived", ProjectStatus.ARCHIVED));
    }

    /**
     * Moves the word-count projection to {@code version} unless it already reflects that version or a newer
     * one. Returns whether the row changed (false also when the project does not exist).
     */
    public boolean advanceContent(UUID projectId, int version, int wordCount, Instant savedAt) {
        return update(
                        """
                currentWordCount = :wordCount, lastEditedAt = :savedAt, contentVersion = :version, updatedAt = :now
                where id = :id and contentVersion < :version""",
                        Parameters.with("wordCount", wordCount)
                                .and("savedAt", savedAt)
                                .and("version", version)
                                .and("now", Instant.now())
                                .and("id", projectId))
                == 1;
    }
}
