package com.writerstree.export.upstream;

import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The three services an export reads from, called with the caller's own token so that each one applies its
 * own authorization. Answers are mapped once: someone else's project (403) and an unknown one (404) are both
 * 404 here (an export must not reveal that a project exists); an unreachable, slow or failing service is 503
 * {@code EXTERNAL_SERVICE_ERROR}.
 */
@ApplicationScoped
public class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    private final ProjectClient projects;
    private final ContentClient contents;
    private final IdentityClient identity;

    public Upstream(
            @RestClient ProjectClient projects,
            @RestClient ContentClient contents,
            @RestClient IdentityClient identity) {
        this.projects = projects;
        this.contents = contents;
        this.identity = identity;
    }

    public ProjectClient.Project project(UUID projectId, String bearer) {
        ProjectClient.ProjectEnvelope answer =
                call("project-service", () -> projects.get(projectId, bearer, requestId()));
        if (answer == null || answer.data() == null || answer.data().project() == null) {
            throw unavailable("project-service", null);
        }
        return answer.data().project();
    }

    public ContentClient.Data content(UUID projectId, String bearer) {
        ContentClient.ContentEnvelope answer =
                call("content-service", () -> contents.get(projectId, bearer, requestId()));
        if (answer == null || answer.data() == null || answer.data().content() == null) {
            throw unavailable("content-service", null);
        }
        return answer.data();
    }

    public IdentityClient.Profile me(String bearer) {
        IdentityClient.ProfileEnvelope answer = call("identity-service", () -> identity.me(bearer, requestId()));
        if (answer == null || answer.data() == null) {
            throw unavailable("identity-service", null);
        }
        return answer.data();
    }

    private static <T> T call(String service, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 403 || status == 404) {
                throw ApiException.notFound("Project");
            }
            if (status == 401) {
                throw new ApiException(ErrorCode.INVALID_TOKEN);
            }
            throw unavailable(service, e);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // connection refused, timeout, open circuit, unreadable answer
            throw unavailable(service, e);
        }
    }

    private static ApiException unavailable(String service, Exception cause) {
        LOG.warnf(
                "%s unavailable for an export: %s",
                service, cause == null ? "empty answer" : cause.getClass().getSimpleName());
        return new ApiException(
                ErrorCode.EXTERNAL_SERVICE_ERROR,
                service + " is unavailable, please try again later",
                Map.of("service", service));
    }

    private static String requestId() {
        Object id = MDC.get(RequestIds.MDC_KEY);
        return id == null ? null : id.toString();
    }
}
