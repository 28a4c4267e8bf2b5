package com.writerstree.suggestion.client;

import com.writerstree.platform.client.UpstreamPolicy;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * content-service's text of a project, read through the platform's {@link UpstreamPolicy} (an idempotent read):
 * cut at {@code quarkus.rest-client.content-service.read-timeout}, one retry with backoff on a connection failure or
 * timeout, a circuit breaker. An answer (404, 503) comes back as the client's {@code WebApplicationException}; a
 * timeout, an open circuit or a connection failure as another {@link RuntimeException}: the adaptation tries again
 * later either way.
 */
@ApplicationScoped
public class ContentTexts {

    static final String SERVICE = "content-service";

    private final ContentServiceClient client;
    private final Guard guard = UpstreamPolicy.idempotent(SERVICE);

    public ContentTexts(@RestClient ContentServiceClient client) {
        this.client = client;
    }

    /** The project's text, owner and version (null when content-service answered without data). */
    public ContentServiceClient.Content content(UUID projectId) {
        return guard.get(() -> client.content(projectId), ContentServiceClient.Envelope.class)
                .data();
    }
}
