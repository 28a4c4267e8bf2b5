package com.writerstree.content.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ProjectContentRepository implements PanacheRepositoryBase<ProjectContent, UUID> {}
