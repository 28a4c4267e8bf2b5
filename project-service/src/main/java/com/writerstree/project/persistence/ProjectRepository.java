package com.writerstree.project.persistence;

import com.writerstree.project.domain.ContentVersion;
import com.writerstree.project.domain.ProjectStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

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
     * Moves the word-count projection of each project to its version unless the projection already reflects that
     * version or a newer one, in one statement (plain SQL over the caller's connection: no entity is loaded). At
     * most one version per project ({@code ContentVersion.newestPerProject}). Returns how many rows changed (an
     * unknown project changes none).
     */
    public int advanceContents(List<ContentVersion> versions) {
        return getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE projects p SET current_word_count = v.word_count, last_edited_at = v.saved_at,
                        content_version = v.version, updated_at = now()
                    FROM unnest(?::uuid[], ?::int[], ?::int[], ?::timestamptz[]) AS v(id, version, word_count, saved_at)
                    WHERE p.id = v.id AND p.content_version < v.version""")) {
                ps.setArray(
                        1,
                        c.createArrayOf(
                                "text", column(versions, v -> v.projectId().toString())));
                ps.setArray(2, c.createArrayOf("int4", column(versions, ContentVersion::version)));
                ps.setArray(3, c.createArrayOf("int4", column(versions, ContentVersion::wordCount)));
                ps.setArray(4, c.createArrayOf("text", column(versions, v -> Objects.toString(v.savedAt(), null))));
                return ps.executeUpdate();
            }
        });
    }

    private static Object[] column(List<ContentVersion> versions, Function<ContentVersion, Object> value) {
        return versions.stream().map(value).toArray();
    }
}
