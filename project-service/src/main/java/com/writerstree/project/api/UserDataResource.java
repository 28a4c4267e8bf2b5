package com.writerstree.project.api;

import com.writerstree.platform.gdpr.UserDataExport;
import com.writerstree.platform.web.ApiResponse;
import com.writerstree.project.persistence.Project;
import com.writerstree.project.persistence.ProjectRepository;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * project-service's part of a user's data export (docs/CONTRACTS.md, "User data export and purge"): every project
 * the user has, whatever its status (a permanently deleted project no longer exists here), with its goal, deadline,
 * tree settings and word count. Guarded by the platform's service credential; the gateway does not route it.
 */
@Path("/internal/users/{userId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes (X-Service-Token); not routed by the gateway")
public class UserDataResource {

    /** A project as exported: every column the writer set or earned, named like the public API. */
    public record ExportedProject(
            UUID id,
            String title,
            int wordGoal,
            int currentWordCount,
            String status,
            LocalDate deadline,
            String treeSeed,
            String treeSpecies,
            String treeSeason,
            Instant createdAt,
            Instant updatedAt,
            Instant completedAt,
            Instant lastEditedAt) {

        static ExportedProject of(Project p) {
            return new ExportedProject(
                    p.id,
                    p.title,
                    p.wordGoal,
                    p.currentWordCount,
                    p.status.value(),
                    p.deadline,
                    p.treeSeed,
                    p.treeSpecies.value(),
                    p.treeSeason.value(),
                    p.createdAt,
                    p.updatedAt,
                    p.completedAt,
                    p.lastEditedAt);
        }
    }

    private final ProjectRepository projects;
    private final String service;

    public UserDataResource(
            ProjectRepository projects, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.projects = projects;
        this.service = service;
    }

    @GET
    @Transactional
    @Operation(summary = "Everything project-service holds of a user (service credential required)")
    @APIResponse(responseCode = "200", description = "data.parts.projects: every project of the user")
    @APIResponse(responseCode = "401", description = "AUTHENTICATION_REQUIRED: missing or wrong X-Service-Token")
    public ApiResponse<UserDataExport> export(@PathParam("userId") UUID userId) {
        List<ExportedProject> owned =
                projects.find("userId", Sort.ascending("createdAt").and("id"), userId).list().stream()
                        .map(ExportedProject::of)
                        .toList();
        return ApiResponse.ok(UserDataExport.of(service, userId, Map.of("projects", owned)));
    }
}
