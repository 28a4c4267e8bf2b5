package com.writerstree.gateway.client;

import com.writerstree.gateway.config.GatewayConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The one HTTP client (keep-alive pool) from the gateway to the services. */
@ApplicationScoped
public class UpstreamClient {

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private WebClient client;
    private final Map<Upstream, String> baseUrls = new EnumMap<>(Upstream.class);

    @PostConstruct
    void start() {
        for (Upstream upstream : Upstream.values()) {
            GatewayConfig.Service service = config.services().get(upstream.key());
            if (service == null) {
                throw new IllegalStateException("Missing gateway.services." + upstream.key() + ".url");
            }
            String url = service.url();
            baseUrls.put(upstream, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        GatewayConfig.Client settings = config.client();
        client = WebClient.create(
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

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    public String baseUrl(Upstream upstream) {
        return baseUrls.get(upstream);
    }

    /**
     * Sends one request to a service. {@code pathAndQuery} starts with '/'; {@code body} may be null. Fails when the
     * service cannot be reached or sends nothing within the request timeout; any HTTP status is an item.
     */
    public Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> send(
            Upstream upstream, HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {
        return send(
                baseUrl(upstream) + pathAndQuery,
                method,
                headers,
                body,
                config.client().requestTimeout());
    }

    public Uni<HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> send(
            String url, HttpMethod method, MultiMap headers, Buffer body, Duration timeout) {
        HttpRequest<io.vertx.mutiny.core.buffer.Buffer> request =
                client.requestAbs(method, url).timeout(timeout.toMillis());
        request.putHeaders(io.vertx.mutiny.core.MultiMap.newInstance(headers));
        return body == null ? request.send() : request.sendBuffer(io.vertx.mutiny.core.buffer.Buffer.newInstance(body));
    }
}
