package com.writerstree.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.writerstree.gateway.client.Upstream;
import com.writerstree.gateway.client.UpstreamClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code GET /api-docs/openapi.json}: the OpenAPI documents of every service ({@code /q/openapi?format=json}) merged
 * into one under the server {@code /api/v1}, cached 60 s. The Swagger UI page at {@code /api-docs} (quarkus-swagger-ui)
 * shows it. A service that is down is left out (listed in {@code x-unavailable-services}) and the result not cached.
 */
@ApplicationScoped
public class ApiDocs {

    public static final String PATH = "/api-docs/openapi.json";
    private static final Logger LOG = Logger.getLogger(ApiDocs.class);
    private static final Duration TTL = Duration.ofSeconds(60);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    private final UpstreamClient client;

    private final ObjectMapper mapper;

    ApiDocs(UpstreamClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    private volatile String cached;
    private volatile long cachedAt;

    void install(@Observes Router router) {
        router.get(PATH).order(Integer.MIN_VALUE + 10).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        String fresh = cached;
        if (fresh != null && System.currentTimeMillis() - cachedAt < TTL.toMillis()) {
            send(rc, fresh);
            return;
        }
        List<Uni<Map.Entry<Upstream, JsonNode>>> fetches = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            fetches.add(client.send(
                            client.baseUrl(upstream) + "/q/openapi?format=json",
                            HttpMethod.GET,
                            MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json"),
                            null,
                            FETCH_TIMEOUT)
                    .map(r -> r.statusCode() == 200 ? parse(r.bodyAsString()) : null)
                    .onFailure()
                    .recoverWithItem((JsonNode) null)
                    .map(doc -> Map.entry(upstream, doc == null ? mapper.nullNode() : doc)));
        }
        Uni.join()
                .all(fetches)
                .andFailFast()
                .subscribe()
                .with(
                        docs -> {
                            Map<Upstream, JsonNode> byService = new LinkedHashMap<>();
                            docs.forEach(e -> byService.put(e.getKey(), e.getValue()));
                            ObjectNode merged = merge(mapper, byService);
                            String json = merged.toString();
                            if (!merged.has("x-unavailable-services")) {
                                cached = json;
                                cachedAt = System.currentTimeMillis();
                            }
                            send(rc, json);
                        },
                        failure -> {
                            LOG.warnf("API docs unavailable: %s", failure.toString());
                            rc.fail(failure);
                        });
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** Pure merge: paths, tags and components of every available document; servers = [/api/v1]. */
    static ObjectNode merge(ObjectMapper mapper, Map<Upstream, JsonNode> docs) {
        ObjectNode out = mapper.createObjectNode();
        out.put("openapi", "3.1.0");
        ObjectNode info = out.putObject("info");
        info.put("title", "Writer's Tree API");
        info.put("version", "1.0.0");
        info.put("description", "Every service's API as served through the gateway (also under /v1).");
        out.putArray("servers").addObject().put("url", "/api/v1");
        ArrayNode tags = out.putArray("tags");
        ObjectNode paths = out.putObject("paths");
        ObjectNode components = out.putObject("components");
        ArrayNode unavailable = mapper.createArrayNode();
        List<String> seenTags = new ArrayList<>();
        for (Map.Entry<Upstream, JsonNode> entry : docs.entrySet()) {
            JsonNode doc = entry.getValue();
            if (doc == null || !doc.isObject()) {
                unavailable.add(entry.getKey().serviceName());
                continue;
            }
            doc.path("paths").fields().forEachRemaining(p -> {
                if (!p.getKey().startsWith("/q/") && !p.getKey().startsWith("/.well-known")) {
                    paths.set(p.getKey(), p.getValue());
                }
            });
            for (JsonNode tag : doc.path("tags")) {
                String name = tag.path("name").asText();
                if (!seenTags.contains(name)) {
                    seenTags.add(name);
                    tags.add(tag);
                }
            }
            doc.path("components").fields().forEachRemaining(kind -> {
                ObjectNode target = components.has(kind.getKey())
                        ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(c -> {
                    if (!target.has(c.getKey())) {
                        target.set(c.getKey(), c.getValue());
                    }
                });
            });
        }
        if (!unavailable.isEmpty()) {
            out.set("x-unavailable-services", unavailable);
        }
        return out;
    }

    private static void send(RoutingContext rc, String json) {
        rc.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "max-age=60")
                .end(Buffer.buffer(json));
    }
}
