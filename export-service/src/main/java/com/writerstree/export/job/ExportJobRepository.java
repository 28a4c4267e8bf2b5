package com.writerstree.export.job;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExportJobRepository implements PanacheRepositoryBase<ExportJob, UUID> {

    public List<ExportJob> forProject(UUID projectId) {
        return list("projectId", projectId);
    }
}
