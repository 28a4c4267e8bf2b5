package com.writerstree.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Micrometer filters every service shares.
 *
 * <ul>
 *   <li>HTTP server (and client) request timers, and the services' own timers, publish histogram buckets at fixed SLO boundaries, so that
 *       Prometheus can compute a p95 across replicas ({@code histogram_quantile}) and the "p95 &gt; 1 s" alert
 *       can fire. Fixed buckets (not Micrometer's percentile histogram of ~70 buckets) keep the series count
 *       small: 12 buckets per route, method and status.
 *   <li>A last line of defence for the {@code uri} tag: a path segment that looks like an id (UUID, number, long
 *       token) becomes {@code {id}}, so a route that escaped templating (a proxied path, a new Vert.x route) cannot
 *       leak users' ids into labels or grow the series count without bound. Templated routes are untouched.
 * </ul>
 */
public class MetricsFilters {

    /** Bucket boundaries of request timers, in seconds: the latency SLOs and the 1 s alert threshold among them. */
    public static final List<Duration> SLO_BUCKETS = List.of(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    private static final List<String> TIMED_REQUESTS = List.of("http.server.requests", "http.client.requests");

    /** Timers of the frameworks underneath (their own histograms would only add series nobody alerts on). */
    private static final List<String> FRAMEWORK_PREFIXES = List.of(
            "jvm",
            "process",
            "system",
            "kafka",
            "vertx",
            "netty",
            "hibernate",
            "agroal",
            "redis",
            "executor",
            "worker",
            "scheduler",
            "mp.messaging",
            "quarkus",
            "http.server.websocket",
            "websocket");

    private static final Pattern UUID_LIKE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Tokens, hashes, base64 ids: long, and with a digit (so that long plain words such as routes survive). */
    private static final Pattern TOKEN = Pattern.compile("(?=.*\\d)[A-Za-z0-9_.~%+=-]{16,}");

    @Produces
    @Singleton
    MeterFilter requestHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!hasSloBuckets(id)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(SLO_BUCKETS.stream()
                                .mapToDouble(d -> (double) d.toNanos())
                                .toArray())
                        .build()
                        .merge(config);
            }
        };
    }

    @Produces
    @Singleton
    MeterFilter uriWithoutIds() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!TIMED_REQUESTS.contains(id.getName())) {
                    return id;
                }
                String uri = id.getTag("uri");
                String folded = foldIds(uri);
                if (uri == null || folded.equals(uri)) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                for (Tag tag : id.getTagsAsIterable()) {
                    tags.add(tag.getKey().equals("uri") ? Tag.of("uri", folded) : tag);
                }
                return id.replaceTags(tags);
            }
        };
    }

    /** HTTP request timers and the services' own timers (save, export, suggestion durations) get the buckets. */
    static boolean hasSloBuckets(Meter.Id id) {
        if (TIMED_REQUESTS.contains(id.getName())) {
            return true;
        }
        return id.getType() == Meter.Type.TIMER && FRAMEWORK_PREFIXES.stream().noneMatch(id.getName()::startsWith);
    }

    /** {@code uri} with every id-like path segment replaced by {@code {id}}; templated segments stay as they are. */
    public static String foldIds(String uri) {
        if (uri == null || uri.indexOf('/') < 0) {
            return uri;
        }
        String[] segments = uri.split("/", -1);
        boolean changed = false;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() || s.startsWith("{")) {
                continue;
            }
            if (UUID_LIKE.matcher(s).matches()
                    || NUMBER.matcher(s).matches()
                    || TOKEN.matcher(s).matches()) {
                segments[i] = "{id}";
                changed = true;
            }
        }
        return changed ? String.join("/", segments) : uri;
    }
}
