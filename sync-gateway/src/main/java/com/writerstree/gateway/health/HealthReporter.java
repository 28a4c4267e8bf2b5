package com.writerstree.gateway.health;

import com.writerstree.gateway.client.Upstream;
import com.writerstree.gateway.client.UpstreamClient;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.platform.web.RequestIds;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Gathers {@code GET /health}: the gateway's own Redis PING and every service's full health report
 * ({@code /q/health}: liveness, readiness and wellness checks such as identity's SMTP), all in
 * parallel, each bounded by {@code gateway.health.timeout}. Nothing is cached.
 */
@ApplicationScoped
public class HealthReporter {

    private static final Logger LOG = Logger.getLogger(HealthReporter.class);
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final ReactiveRedisDataSource redis;

    private final UpstreamClient client;

    private final GatewayConfig config;

    HealthReporter(ReactiveRedisDataSource redis, UpstreamClient client, GatewayConfig config) {
        this.redis = redis;
        this.client = client;
        this.config = config;
    }

    public Uni<HealthReport> report(String requestId) {
        Duration timeout = config.health().timeout();
        Uni<Boolean> redisUp = redis.execute("PING")
                .map(reply -> reply != null && "PONG".equalsIgnoreCase(reply.toString()))
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .invoke(e -> LOG.warnf("Redis PING failed: %s", e.toString()))
                .onFailure()
                .recoverWithItem(false);

        Upstream[] upstreams = Upstream.values();
        List<Uni<HealthAssessment.Readiness>> probes = Arrays.stream(upstreams)
                .map(upstream -> probe(upstream, requestId, timeout))
                .toList();
        Uni<Map<Upstream, HealthAssessment.Readiness>> services = Uni.combine()
                .all()
                .unis(probes)
                .with(results -> {
                    Map<Upstream, HealthAssessment.Readiness> byService = new EnumMap<>(Upstream.class);
                    for (int i = 0; i < upstreams.length; i++) {
                        byService.put(upstreams[i], (HealthAssessment.Readiness) results.get(i));
                    }
                    return byService;
                });

        return Uni.combine()
                .all()
                .unis(redisUp, services)
                .asTuple()
                .map(t -> HealthAssessment.assess(
                        t.getItem1(),
                        t.getItem2(),
                        new File(".").getUsableSpace(),
                        memory(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        uptimeSeconds()));
    }

    private Uni<HealthAssessment.Readiness> probe(Upstream upstream, String requestId, Duration timeout) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json");
        if (requestId != null) {
            headers.add(RequestIds.HEADER, requestId);
        }
        return client.send(client.baseUrl(upstream) + "/q/health", HttpMethod.GET, headers, null, timeout)
                .map(resp -> HealthAssessment.Readiness.of(resp.statusCode(), resp.bodyAsString()))
                .ifNoItem()
                .after(timeout)
                .fail()
                .onFailure()
                .invoke(e -> LOG.debugf("%s readiness unreachable: %s", upstream.serviceName(), e.toString()))
                .onFailure()
                .recoverWithItem(HealthAssessment.Readiness.unreachable());
    }

    private static HealthReport.Memory memory() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new HealthReport.Memory(
                HealthAssessment.megabytes(heap.getUsed()),
                HealthAssessment.megabytes(heap.getCommitted()),
                HealthAssessment.megabytes(residentSetBytes()));
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    private static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("No resident set size: %s", e.toString());
        }
        return -1;
    }

    private static double uptimeSeconds() {
        return Math.round(ManagementFactory.getRuntimeMXBean().getUptime()) / 1000.0;
    }
}
