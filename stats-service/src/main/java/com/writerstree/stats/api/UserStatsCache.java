package com.writerstree.stats.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.writerstree.platform.web.ApiResponse;
import com.writerstree.stats.config.StatsConfig;
import com.writerstree.stats.domain.StatsPeriod;
import com.writerstree.stats.domain.UserStatsService;
import com.writerstree.stats.domain.WriterClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The serialized {@code GET /users/me/stats} responses, per writer and period, reused while nothing they depend
 * on changed: the writer's stats version ({@code user_stats_versions}, moved by database triggers on the local
 * days, settings, projects and milestones) and the writer's local today (streaks and periods move at midnight).
 * A read then costs one indexed lookup instead of reading ~1,000 day rows and serialising them. The version is
 * read before computing, so a change that lands during the computation only makes the next read compute again;
 * being in PostgreSQL, it is right across replicas. Bounded by bytes (least recently used out).
 */
@ApplicationScoped
public class UserStatsCache {

    /** One cached response; {@code etag} names it for conditional requests. */
    public record Entry(long version, LocalDate today, WriterClock clock, byte[] body, String etag) {}

    private record Key(UUID userId, StatsPeriod period) {}

    private final UserStatsService service;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final long budgetBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long usedBytes;

    public UserStatsCache(UserStatsService service, ObjectMapper mapper, Clock clock, StatsConfig config) {
        this.service = service;
        this.mapper = mapper;
        this.clock = clock;
        this.budgetBytes = config.readCacheMegabytes() * 1024L * 1024L;
    }

    public Entry get(UUID userId, StatsPeriod period) {
        Key key = new Key(userId, period);
        long version = service.version(userId);
        Entry cached;
        synchronized (this) {
            cached = entries.get(key);
        }
        if (cached != null
                && cached.version() == version
                && cached.clock().today(clock).equals(cached.today())) {
            return cached;
        }
        UserStatsService.Computed computed = service.compute(userId, period);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(ApiResponse.ok(computed.view()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stats response could not be serialised", e);
        }
        LocalDate today = computed.view().to();
        Entry entry = new Entry(
                version,
                today,
                computed.clock(),
                body,
                "\"" + Long.toHexString(version) + "-" + period.value() + "-" + today + "\"");
        put(key, entry);
        return entry;
    }

    private synchronized void put(Key key, Entry entry) {
        if (entry.body().length > budgetBytes) {
            return;
        }
        Entry old = entries.put(key, entry);
        usedBytes += entry.body().length - (old == null ? 0 : old.body().length);
        Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && eldest.hasNext()) {
            Map.Entry<Key, Entry> e = eldest.next();
            usedBytes -= e.getValue().body().length;
            eldest.remove();
        }
    }
}
