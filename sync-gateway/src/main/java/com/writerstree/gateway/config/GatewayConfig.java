package com.writerstree.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's own settings (prefix {@code gateway}); service addresses are set in application.properties. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each upstream, keyed by {@link com.writerstree.gateway.client.Upstream#key()}. */
    Map<String, Service> services();

    /** Largest request body the gateway reads and forwards; larger ones answer 413 PAYLOAD_TOO_LARGE. */
    @WithDefault("8M")
    MemorySize maxBodySize();

    Client client();

    /** This replica's id (random per start unless GATEWAY_INSTANCE_ID is set): its Kafka consumer group suffix. */
    String instanceId();

    Health health();

    /** Proxies (CIDR list) whose X-Forwarded-For is believed; empty: the TCP peer is the client. */
    Optional<List<String>> trustedProxies();

    RateLimit rateLimit();

    Ws ws();

    Cors cors();

    interface RateLimit {
        /** Fail-open switch for load tests only; true in every real environment. */
        @WithDefault("true")
        boolean enabled();

        /** Brute-force limit on the public /auth/* entry points, per client IP (spec §6.1: 5 per 15 min). */
        Window auth();

        /** Every authenticated REST request except content saves, per user. */
        Window user();

        /** Content saves (PUT /projects/{id}/content and WebSocket sync:content), per user and project. */
        Bucket save();

        /** WebSocket frames per connection. */
        Bucket wsMessages();

        /** POST /projects/{id}/export and /export-tree, per user (all projects together). */
        Window export();

        /** POST /suggestions, per user (spec §4.7: 60 per minute). */
        Window suggestions();

        /** POST /analytics/event, per user. */
        Window analytics();
    }

    interface Window {
        int max();

        Duration window();
    }

    interface Bucket {
        /** Sustained tokens per second. */
        double rate();

        int burst();
    }

    interface Ws {
        @WithDefault("5s")
        Duration authTimeout();

        @WithDefault("60s")
        Duration idleTimeout();

        /** WebSocket ping frames on /ws/sync. */
        @WithDefault("20s")
        Duration pingInterval();

        /** Open sync connections per user over every replica and both transports; one more is refused (4429). */
        @WithDefault("10")
        int maxConnectionsPerUser();

        /** Projects one sync:resume may name; each costs one request of the user's API budget. */
        @WithDefault("50")
        int resumeMaxProjects();

        /** Texts kept per replica to compute sync:update patches (the last text seen of each project). */
        @WithDefault("2000")
        int patchCacheProjects();

        /** Text kept by the patch cache at most, over all its projects (oldest out first). */
        @WithDefault("64")
        int patchCacheMegabytes();

        /**
         * A save made on a socket is pushed to the user's other devices by the replica that saved it, through the
         * user's Redis channel ({@code sync:user:<id>}); the content event of such a save is read back only if no push
         * delivered its version within this time (a lost push: Redis down, or a device that connected meanwhile).
         */
        @WithDefault("300ms")
        Duration pushGrace();

        /** Longest wait for content-service's text of one sync:update (only that user's later updates wait). */
        @WithDefault("5s")
        Duration fanOutTimeout();

        /** sync:update fan-outs waiting per user behind a slow read; more are dropped (repaired by sync:resume). */
        @WithDefault("64")
        int fanOutBacklog();

        SocketIo socketIo();
    }

    /** Socket.IO (Engine.IO v4) at /socket.io/. */
    interface SocketIo {
        /** Engine.IO heartbeat: the server pings every interval; no pong within the timeout closes the session. */
        @WithDefault("25s")
        Duration pingInterval();

        @WithDefault("20s")
        Duration pingTimeout();

        /** Largest Engine.IO payload (one polling POST, one WebSocket message). */
        @WithDefault("7M")
        MemorySize maxPayload();

        /**
         * This replica's address for other replicas: a long-polling request whose session lives elsewhere is
         * forwarded there (the session id names its replica). Empty: http://127.0.0.1:<quarkus.http.port>.
         */
        Optional<String> advertisedUrl();
    }

    interface Cors {
        List<String> origins();
    }

    interface Service {
        String url();

        /**
         * Largest body this service reads (its {@code quarkus.http.limits.max-body-size}): a larger one is refused
         * at the gateway with 413, before the service would close the connection on it (which reads as a 503).
         */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    /** The one shared HTTP client towards the services. */
    interface Client {
        @WithDefault("2s")
        Duration connectTimeout();

        /** A call to a service is cut after this long in total (504 EXTERNAL_SERVICE_ERROR). */
        @WithDefault("15s")
        Duration requestTimeout();

        /** Pooled keep-alive connections per service. */
        @WithDefault("50")
        int maxPoolSize();

        CircuitBreaker circuitBreaker();

        Retry retry();
    }

    /** One circuit breaker per service (client/UpstreamClient). */
    interface CircuitBreaker {
        /** Size of the rolling window of calls the failure ratio is computed over. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failed calls in the window that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open circuit fails calls at once before one trial call is let through. */
        @WithDefault("5s")
        Duration delay();
    }

    /** Retries of idempotent calls (GET, HEAD) that could not connect. */
    interface Retry {
        @WithDefault("2")
        int maxRetries();

        @WithDefault("100ms")
        Duration initialBackoff();

        @WithDefault("1s")
        Duration maxBackoff();
    }

    interface Health {
        /** Each probe of GET /health (Redis PING, each service's readiness) gives up after this. */
        @WithDefault("2s")
        Duration timeout();
    }
}
