package com.writerstree.gateway.client;

import com.writerstree.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The one HTTP client (keep-alive pool) from the gateway to the services, with the fault-tolerance policy of every
 * gateway -> service call:
 *
 * <ul>
 *   <li><b>timeout</b>: each attempt is cut after {@code gateway.client.request-timeout} (15 s) in total, also when
 *       the service trickles bytes (Vert.x' own request timeout only fires when nothing arrives for that long);
 *   <li><b>circuit breaker per service</b> (SmallRye Fault Tolerance): when half of the last
 *       {@code gateway.client.circuit-breaker.request-volume-threshold} calls to a service failed (no connection,
 *       timeout, connection closed; any HTTP status is a success), further calls fail at once for
 *       {@code gateway.client.circuit-breaker.delay}, then one trial call decides;
 *   <li><b>retry</b> only for idempotent methods (GET, HEAD) and only when no connection could be made (nothing
 *       reached the service), with exponential backoff ({@code gateway.client.retry.*}).
 * </ul>
 *
 * {@link UpstreamFailures} maps what fails to the §7.1 envelope (503, or 504 for a timeout). Calls to a URL rather
 * than a service (health probes, API documents, Socket.IO hops to another gateway replica) have their own timeout and
 * no breaker: a probe must see the service as it is.
 */
@ApplicationScoped
public class UpstreamClient {

    private static final Logger LOG = Logger.getLogger(UpstreamClient.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final TypeLiteral<Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>>> CALL =
            new TypeLiteral<>() {};

    private final GatewayConfig config;
    private final WebClient client;
    private final Map<Upstream, String> baseUrls = new EnumMap<>(Upstream.class);
    private final Map<Upstream, TypedGuard<Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>>>> breakers =
            new EnumMap<>(Upstream.class);
    private final Map<Upstream, CircuitBreakerState> states = new ConcurrentHashMap<>();

    UpstreamClient(Vertx vertx, GatewayConfig config) {
        this.config = config;
        GatewayConfig.Client settings = config.client();
        for (Upstream upstream : Upstream.values()) {
            GatewayConfig.Service service = config.services().get(upstream.key());
            if (service == null) {
                throw new IllegalStateException("Missing gateway.services." + upstream.key() + ".url");
            }
            String url = service.url();
            baseUrls.put(upstream, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            breakers.put(upstream, breaker(upstream, settings.circuitBreaker()));
            states.put(upstream, CircuitBreakerState.CLOSED);
        }
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setKeepAlive(true)
                        .setMaxPoolSize(settings.maxPoolSize())
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setIdleTimeout((int) settings.requestTimeout().toSeconds())
                        .setFollowRedirects(false)
                        .setUserAgentEnabled(false)
                        .setDecompressionSupported(false));
    }

    private TypedGuard<Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>>> breaker(
            Upstream upstream, GatewayConfig.CircuitBreaker settings) {
        return TypedGuard.create(CALL)
                .withDescription("gateway -> " + upstream.serviceName())
                .withCircuitBreaker()
                .requestVolumeThreshold(settings.requestVolumeThreshold())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                .onStateChange(state -> {
                    states.put(upstream, state);
                    LOG.warnf("Circuit to %s is %s", upstream.serviceName(), state);
                })
                .done()
                .build();
    }

    @PreDestroy
    void stop() {
        client.close();
    }

    public String baseUrl(Upstream upstream) {
        return baseUrls.get(upstream);
    }

    /** The state of the circuit breaker in front of a service (metrics, logs, tests). */
    public CircuitBreakerState circuit(Upstream upstream) {
        return states.get(upstream);
    }

    /**
     * Sends one request to a service within {@code gateway.client.request-timeout}. {@code pathAndQuery} starts with
     * '/'; {@code body} may be null. Any HTTP status is an item; it fails (see {@link UpstreamFailures}) when the
     * service cannot be reached, does not answer in time, or its circuit is open.
     */
    public Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> send(
            Upstream upstream, HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {
        return send(
                upstream, method, pathAndQuery, headers, body, config.client().requestTimeout());
    }

    /** As {@link #send(Upstream, HttpMethod, String, MultiMap, Buffer)} with a timeout of the caller's. */
    public Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> send(
            Upstream upstream,
            HttpMethod method,
            String pathAndQuery,
            MultiMap headers,
            Buffer body,
            Duration timeout) {
        String url = baseUrl(upstream) + pathAndQuery;
        TypedGuard<Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>>> breaker = breakers.get(upstream);
        // deferred: every (re)subscription is a new guarded attempt
        Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> guarded =
                Uni.createFrom().deferred(() -> breaker.get(() -> send(url, method, headers, body, timeout)));
        if (!IDEMPOTENT.contains(method)) {
            return guarded;
        }
        GatewayConfig.Retry retry = config.client().retry();
        return guarded.onFailure(UpstreamFailures::isConnectFailure)
                .retry()
                .withBackOff(retry.initialBackoff(), retry.maxBackoff())
                .atMost(retry.maxRetries());
    }

    /**
     * One request to an absolute URL, cut after {@code timeout} in total; no breaker, no retry (health probes, API
     * documents, a Socket.IO request relayed to the replica that holds its session).
     */
    public Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> send(
            String url, HttpMethod method, MultiMap headers, Buffer body, Duration timeout) {
        HttpRequest<io.vertx.mutiny.core.buffer.Buffer> request =
                client.requestAbs(method, url).timeout(timeout.toMillis());
        request.putHeaders(io.vertx.mutiny.core.MultiMap.newInstance(headers));
        Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> sent = body == null
                ? request.send()
                : request.sendBuffer(io.vertx.mutiny.core.buffer.Buffer.newInstance(body));
        return sent.ifNoItem().after(timeout).failWith(() -> new UpstreamFailures.DeadlineExceeded(timeout));
    }
}
