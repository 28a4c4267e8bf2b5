package com.writerstree.content.client;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The one call content-service makes to another service: project-service {@code GET /projects/{id}}, on the
 * caller's behalf, for a project whose ProjectCreated event has not arrived yet. Guarded by SmallRye Fault
 * Tolerance:
 *
 * <ul>
 *   <li>{@code @Timeout} 2 s per attempt: a hung project-service is cut there (the REST client's read timeout, 10 s,
 *       is only a backstop);
 *   <li>{@code @Retry} twice with exponential backoff (100 ms, then 200 ms, with jitter) on connection failures and
 *       5xx answers: the call is an idempotent GET. Not after a timeout (a hung upstream would only multiply the
 *       writer's wait) nor on an answer that retrying cannot change (4xx, malformed);
 *   <li>{@code @CircuitBreaker}: open after half of the last 20 calls failed, for 10 s; meanwhile calls fail at once;
 *   <li>every failure (timeout, open circuit, retries spent, 4xx other than 404/403, malformed answer) becomes the
 *       §7.1 envelope 503 EXTERNAL_SERVICE_ERROR (also for a timeout: the spec has no 504 code, and clients treat
 *       both alike).
 * </ul>
 *
 * The limits can be changed without a build through MicroProfile config, e.g.
 * {@code com.writerstree.content.client.ProjectLookup/find/Timeout/value=1000}.
 */
@ApplicationScoped
public class ProjectLookup {

    static final String UNAVAILABLE = "Project service unavailable";

    private static final Logger LOG = Logger.getLogger(ProjectLookup.class);

    private final ProjectServiceClient projectService;

    public ProjectLookup(@RestClient ProjectServiceClient projectService) {
        this.projectService = projectService;
    }

    /** An answer retrying cannot change: a refusal other than 404/403, or a body without the project's goal/status. */
    static final class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The project as project-service describes it to the caller (whose bearer token and request id are passed on),
     * or empty when project-service does not know it or it is someone else's (404; an older project-service: 403).
     * Any other outcome: 503 EXTERNAL_SERVICE_ERROR.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 100,
            jitter = 50,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, Unusable.class})
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<ProjectServiceClient.Project> find(UUID projectId, String bearer, String requestId) {
        ProjectServiceClient.ProjectEnvelope answer;
        try {
            answer = projectService.get(projectId, bearer, requestId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 403) {
                return Optional.empty();
            }
            LOG.warnf("project-service answered %d for project %s", status, projectId);
            if (status < 500) {
                throw new Unusable("project-service answered " + status);
            }
            throw e;
        } catch (RuntimeException e) {
            // unreachable, or interrupted by the @Timeout (the REST client then throws a ProcessingException)
            LOG.warnf(
                    "project-service call failed for project %s: %s",
                    projectId, e.getClass().getSimpleName());
            throw e;
        }
        ProjectServiceClient.Project project =
                answer == null || answer.data() == null ? null : answer.data().project();
        if (project == null || project.wordGoal() == null || project.status() == null) {
            LOG.warnf("project-service answered without the project's goal or status for %s", projectId);
            throw new Unusable("no goal or status");
        }
        return Optional.of(project);
    }

    /** The fallback of {@link #find}: whatever went wrong, the client gets 503 EXTERNAL_SERVICE_ERROR. */
    public Optional<ProjectServiceClient.Project> unavailable(UUID projectId, String bearer, String requestId) {
        LOG.warnf("project-service not usable for project %s (failed, timed out or circuit open)", projectId);
        throw new ApiException(ErrorCode.EXTERNAL_SERVICE_ERROR, UNAVAILABLE, Map.of());
    }
}
