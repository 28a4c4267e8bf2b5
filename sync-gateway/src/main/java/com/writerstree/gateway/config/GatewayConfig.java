package com.writerstree.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The gateway's own settings (prefix {@code gateway}); service addresses are set in application.properties. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each upstream, keyed by {@link com.writerstree.gateway.routing.Upstream#key()}. */
    Map<String, Service> services();

    /** Largest request body the gateway reads and forwards; larger ones answer 413 PAYLOAD_TOO_LARGE. */
    @WithDefault("8M")
    MemorySize maxBodySize();

    Client client();

    Health health();

    interface Service {
        String url();
    }

    /** The one shared HTTP client towards the services. */
    interface Client {
        @WithDefault("2s")
        Duration connectTimeout();

        /** A forwarded request fails (503) when the service sends nothing for this long. */
        @WithDefault("15s")
        Duration requestTimeout();

        /** Pooled keep-alive connections per service. */
        @WithDefault("50")
        int maxPoolSize();
    }

    interface Health {
        /** Each probe of GET /health (Redis PING, each service's readiness) gives up after this. */
        @WithDefault("2s")
        Duration timeout();
    }
}
