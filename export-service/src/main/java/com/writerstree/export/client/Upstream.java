package com.writerstree.export.client;

import com.writerstree.platform.client.UpstreamPolicy;
import com.writerstree.platform.error.ApiException;
import com.writerstree.platform.error.ErrorCode;
import com.writerstree.platform.web.RequestIds;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The three services an export reads from, called with the caller's own token so that each one applies its
 * own authorization. Answers are mapped once: someone else's project (403) and an unknown one (404) are both
 * 404 here (an export must not reveal that a project exists); an unreachable, slow or failing service is 503
 * {@code EXTERNAL_SERVICE_ERROR}. Every call goes through the platform's {@link UpstreamPolicy} (all three are
 * idempotent reads): timeout at the client's read timeout, one retry with backoff, a circuit breaker per service.
 */
@ApplicationScoped
public class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class);
    private static final String PROJECT_SERVICE = "project-service";
    private static final String CONTENT_SERVICE = "content-service";
    private static final String IDENTITY_SERVICE = "identity-service";

    private final ProjectClient projects;
    private final ContentClient contents;
    private final IdentityClient identity;
    private final Guard projectGuard = UpstreamPolicy.idempotent(PROJECT_SERVICE);
    private final Guard contentGuard = UpstreamPolicy.idempotent(CONTENT_SERVICE);
    private final Guard identityGuard = UpstreamPolicy.idempotent(IDENTITY_SERVICE);

    public Upstream(
            @RestClient ProjectClient projects,
            @RestClient ContentClient contents,
            @RestClient IdentityClient identity) {
        this.projects = projects;
        this.contents = contents;
        this.identity = identity;
    }

    public ProjectClient.Project project(UUID projectId, String bearer) {
        return read(
                PROJECT_SERVICE,
                projectGuard,
                requestId -> projects.get(projectId, bearer, requestId),
                ProjectClient.ProjectEnvelope.class,
                answer -> answer.data() == null ? null : answer.data().project());
    }

    public ContentClient.Data content(UUID projectId, String bearer) {
        return read(
                CONTENT_SERVICE,
                contentGuard,
                requestId -> contents.get(projectId, bearer, requestId),
                ContentClient.ContentEnvelope.class,
                answer -> answer.data() == null || answer.data().content() == null ? null : answer.data());
    }

    public IdentityClient.Profile me(String bearer) {
        return read(
                IDENTITY_SERVICE,
                identityGuard,
                requestId -> identity.me(bearer, requestId),
                IdentityClient.ProfileEnvelope.class,
                IdentityClient.ProfileEnvelope::data);
    }

    /** One read through the service's guard; an empty answer (no data) is the service failing too. */
    private static <A, T> T read(
            String service, Guard guard, Function<String, A> request, Class<A> type, Function<A, T> data) {
        String requestId = requestId();
        A answer = call(service, guard, () -> request.apply(requestId), type);
        T result = answer == null ? null : data.apply(answer);
        if (result == null) {
            throw unavailable(service, null);
        }
        return result;
    }

    private static <T> T call(String service, Guard guard, Supplier<T> request, Class<T> type) {
        try {
            return guard.get(request, type);
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
            // connection refused, timeout (the policy's or the client's), open circuit, unreadable answer
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
