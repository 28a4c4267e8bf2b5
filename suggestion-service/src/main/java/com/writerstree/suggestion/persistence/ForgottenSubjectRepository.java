package com.writerstree.suggestion.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class ForgottenSubjectRepository implements PanacheRepositoryBase<ForgottenSubject, UUID> {

    public void remember(UUID subjectId, String kind) {
        getEntityManager()
                .createNativeQuery("INSERT INTO forgotten_subjects (subject_id, kind, forgotten_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, ForgottenSubject.digest(subjectId))
                .setParameter(2, kind)
                .setParameter(3, Instant.now())
                .executeUpdate();
    }

    public boolean anyOf(UUID projectId, UUID userId) {
        return count(
                        "subjectId in ?1",
                        java.util.List.of(ForgottenSubject.digest(projectId), ForgottenSubject.digest(userId)))
                > 0;
    }
}
