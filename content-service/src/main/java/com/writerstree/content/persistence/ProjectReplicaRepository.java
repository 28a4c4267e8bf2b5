package com.writerstree.content.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProjectReplicaRepository implements PanacheRepositoryBase<ProjectReplica, UUID> {

    /** Inserts or replaces what is known about a project (from an event of project-service). */
    public void upsert(UUID projectId, UUID userId, String title, int wordGoal, String status) {
        getEntityManager()
                .createNativeQuery("""
                INSERT INTO project_replicas (project_id, user_id, title, word_goal, status, updated_at)
                VALUES (:projectId, :userId, :title, :wordGoal, :status, now())
                ON CONFLICT (project_id) DO UPDATE SET user_id = EXCLUDED.user_id, word_goal = EXCLUDED.word_goal,
                                                       status = EXCLUDED.status, updated_at = now(),
                                                       title = COALESCE(EXCLUDED.title, project_replicas.title)""")
                .setParameter("projectId", projectId)
                .setParameter("userId", userId)
                .setParameter("title", title)
                .setParameter("wordGoal", wordGoal)
                .setParameter("status", status)
                .executeUpdate();
    }

    /**
     * Inserts a project fetched from project-service unless an event filled it meanwhile: events, applied in
     * order per project, stay the source of truth.
     */
    public void insertIfAbsent(UUID projectId, UUID userId, String title, int wordGoal, String status) {
        getEntityManager()
                .createNativeQuery("""
                INSERT INTO project_replicas (project_id, user_id, title, word_goal, status, updated_at)
                VALUES (:projectId, :userId, :title, :wordGoal, :status, now())
                ON CONFLICT (project_id) DO NOTHING""")
                .setParameter("projectId", projectId)
                .setParameter("userId", userId)
                .setParameter("title", title)
                .setParameter("wordGoal", wordGoal)
                .setParameter("status", status)
                .executeUpdate();
    }

    /** Sets the status of a known project; an unknown one is left unknown (it will be fetched when needed). */
    public int updateStatus(UUID projectId, String status) {
        return getEntityManager()
                .createNativeQuery(
                        "UPDATE project_replicas SET status = :status, updated_at = now() WHERE project_id = :projectId")
                .setParameter("status", status)
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    /** Locks the project's row until the transaction ends, as a save does (without reading it). */
    public void lock(UUID projectId) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM project_replicas WHERE project_id = :projectId FOR NO KEY UPDATE")
                .setParameter("projectId", projectId)
                .getResultList();
    }
}
