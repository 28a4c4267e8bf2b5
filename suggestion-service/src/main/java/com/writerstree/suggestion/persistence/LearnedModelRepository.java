package com.writerstree.suggestion.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LearnedModelRepository implements PanacheRepositoryBase<LearnedModel, UUID> {

    public long deleteByUser(UUID userId) {
        return delete("userId", userId);
    }

    public List<UUID> projectsOf(UUID userId) {
        return find("userId", userId).project(UUID.class).list();
    }
}
