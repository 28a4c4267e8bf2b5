package com.writerstree.gateway.events;

import com.writerstree.gateway.client.ContentClient;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.sync.FanOutLanes;
import com.writerstree.gateway.domain.sync.PatchCache;
import com.writerstree.gateway.domain.sync.SyncSessions;

import com.writerstree.platform.event.ContentEvents;
import com.writerstree.platform.event.DomainEvent;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.UserEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Fan-out to this replica's sockets. Every replica consumes {@code content-events} and {@code user-events} with a
 * group id of its own ({@code sync-gateway-<uuid>}, latest offsets), so every replica sees every event; its cost
 * follows its own sockets, not the total traffic:
 *
 * <ul>
 *   <li>a content record whose {@code wt-user-id} header (set by the outbox relay) names a user without a local
 *       connection is skipped before its bytes are even decoded (records without the header, from older producers,
 *       are decoded and dropped as before);
 *   <li>the consumer never waits: the text of a {@code sync:update} is read asynchronously from content-service's
 *       internal route with the service credential (no user token, none that may have expired), in a serial lane
 *       per user ({@link FanOutLanes}), so a slow content-service answer delays that user's updates only;
 *   <li>an event whose version this replica already fanned out (a backlog behind a slow read) costs no read.
 * </ul>
 *
 * Nothing is stored: a missed event is repaired by {@code sync:resume}.
 */
@ApplicationScoped
public class SyncEvents {

    private static final Logger LOG = Logger.getLogger(SyncEvents.class);

    @Inject
    SyncSessions sessions;

    @Inject
    ContentClient content;

    @Inject
    PatchCache patches;

    @Inject
    com.writerstree.gateway.domain.limits.RateLimiter limits;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry registry;

    private FanOutLanes lanes;
    private Timer fanOutTimer;
    private Counter skipped;
    private Counter dropped;

    @PostConstruct
    void init() {
        lanes = new FanOutLanes(config.ws().fanOutBacklog());
        fanOutTimer = Timer.builder("sync_fanout_seconds")
                .description("From a save's event (occurredAt) to its sync:update handed to this replica's sockets")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        skipped = Counter.builder("sync_events_skipped_total")
                .description("Content events of users without a connection here, skipped by their header, unread")
                .register(registry);
        dropped = Counter.builder("sync_fanout_dropped_total")
                .description("sync:update fan-outs dropped because the user's lane was full (repaired by sync:resume)")
                .register(registry);
    }

    @Incoming("content-events-in")
    public void onContentEvent(ConsumerRecord<String, byte[]> record) {
        String owner = header(record, EventCodec.USER_ID_HEADER);
        if (owner != null && !sessions.hasUser(owner)) {
            skipped.increment();
            return; // not decoded at all
        }
        if (record.value() == null) {
            return;
        }
        Optional<DomainEvent> decoded;
        try {
            decoded = EventCodec.decode(new String(record.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            LOG.warn("Malformed content event ignored");
            return;
        }
        decoded.ifPresent(this::dispatch);
    }

    @Incoming("user-events-in")
    @Blocking(ordered = true)
    public void onUserEvent(String json) {
        Optional<DomainEvent> decoded;
        try {
            decoded = EventCodec.decode(json);
        } catch (IllegalArgumentException e) {
            LOG.warn("Malformed user event ignored");
            return;
        }
        decoded.ifPresent(event -> {
            if (event instanceof UserEvents.UserDeletionRequested || event instanceof UserEvents.UserPurged) {
                sessions.closeUser(
                        event.userId().toString(),
                        s -> true,
                        SyncSessions.CLOSE_GONE,
                        "ACCOUNT_DELETED",
                        "This account is being deleted");
            }
            if (event instanceof UserEvents.UserPurged) {
                limits.forgetUser(event.userId().toString()).await().atMost(java.time.Duration.ofSeconds(10));
            }
        });
    }

    void dispatch(DomainEvent event) {
        String userId = event.userId().toString();
        if (!sessions.hasUser(userId)) {
            return;
        }
        if (event instanceof ContentEvents.ContentSaved saved) {
            fanOutContent(
                    userId, saved.projectId(), saved.version(), saved.origin(), saved.eventId(), saved.occurredAt());
        } else if (event instanceof ContentEvents.VersionRestored restored) {
            fanOutContent(
                    userId, restored.projectId(), restored.version(), null, restored.eventId(), restored.occurredAt());
        } else if (event instanceof ContentEvents.MilestoneReached milestone) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("projectId", milestone.projectId().toString());
            data.put("milestone", milestone.milestone());
            data.put("wordCount", milestone.wordCount());
            sessions.ofUser(userId).forEach(session -> session.emit("milestone:reached", data));
        }
    }

    private void fanOutContent(
            String userId, UUID projectId, int version, String origin, UUID eventId, Instant occurredAt) {
        boolean queued =
                lanes.submit(userId, () -> fetchAndEmit(userId, projectId, version, origin, eventId, occurredAt));
        if (!queued) {
            dropped.increment();
            LOG.warnf("sync:update for project %s dropped: the user's fan-out backlog is full", projectId);
        }
    }

    private Uni<Void> fetchAndEmit(
            String userId, UUID projectId, int version, String origin, UUID eventId, Instant occurredAt) {
        String project = projectId.toString();
        if (targets(userId, origin).isEmpty() || patches.knownVersion(project) >= version) {
            return Uni.createFrom().voidItem(); // nobody to tell, or a newer text went out already
        }
        return content.readInternal(project, "evt-" + eventId, config.ws().fanOutTimeout())
                .invoke(reply -> emit(reply, userId, project, version, origin, occurredAt))
                .replaceWithVoid();
    }

    private void emit(
            ContentClient.Reply reply, String userId, String projectId, int version, String origin, Instant occurredAt) {
        if (reply.status() != 200) {
            LOG.warnf("sync:update for project %s skipped: content-service answered %d", projectId, reply.status());
            return;
        }
        var stored = reply.data();
        if (!userId.equals(stored.path("userId").asText())) {
            LOG.warnf("sync:update for project %s skipped: the project is not the event's user's", projectId);
            return;
        }
        if (stored.path("version").asInt() < version) {
            return; // not visible yet; a newer event follows
        }
        List<SyncSession> targets = targets(userId, origin);
        if (targets.isEmpty()) {
            return;
        }
        Map<String, Object> full = ContentClient.update(projectId, stored);
        boolean wanted = targets.stream().anyMatch(SyncSession::patches);
        Map<String, Object> patched = patches.update(projectId, full, wanted);
        targets.forEach(session -> session.emit("sync:update", patched != null && session.patches() ? patched : full));
        if (occurredAt != null) {
            Duration elapsed = Duration.between(occurredAt, Instant.now());
            fanOutTimer.record(elapsed.isNegative() ? Duration.ZERO : elapsed); // clocks of two hosts
        }
    }

    private List<SyncSession> targets(String userId, String origin) {
        Collection<SyncSession> local = sessions.ofUser(userId);
        return local.stream().filter(s -> !s.id().equals(origin)).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
