package com.writerstree.gateway.domain.sync;

import com.writerstree.gateway.client.ContentClient;
import com.writerstree.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivery of a user's content events to this replica's sockets of that user (the Kafka consumers in
 * {@code events/} decide which events reach here):
 *
 * <ul>
 *   <li>{@code sync:update}: the text is read from content-service's internal route with the service credential
 *       (no user token, none that may have expired), asynchronously, in a serial lane per user ({@link FanOutLanes}),
 *       so a slow content-service answer delays that user's updates only; an event whose version this replica
 *       already fanned out (a backlog behind a slow read) costs no read; the read must name the event's user as the
 *       owner; devices that asked for patches get one when {@link PatchCache} holds the previous text;
 *   <li>{@code milestone:reached}: to every connection of the user at once.
 * </ul>
 *
 * Nothing is stored: a missed event is repaired by {@code sync:resume}.
 */
@ApplicationScoped
public class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);

    private final SyncSessions sessions;
    private final ContentClient content;
    private final PatchCache patches;
    private final GatewayConfig config;
    private final FanOutLanes lanes;
    private final Timer fanOutTimer;
    private final Counter dropped;

    FanOut(
            SyncSessions sessions,
            ContentClient content,
            PatchCache patches,
            GatewayConfig config,
            MeterRegistry registry) {
        this.sessions = sessions;
        this.content = content;
        this.patches = patches;
        this.config = config;
        this.lanes = new FanOutLanes(config.ws().fanOutBacklog());
        this.fanOutTimer = Timer.builder("sync_fanout_seconds")
                .description("From a save's event (occurredAt) to its sync:update handed to this replica's sockets")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.dropped = Counter.builder("sync_fanout_dropped_total")
                .description("sync:update fan-outs dropped because the user's lane was full (repaired by sync:resume)")
                .register(registry);
    }

    /** Whether this replica holds a connection of the user (cheap: decides whether an event is read at all). */
    public boolean hasUser(String userId) {
        return sessions.hasUser(userId);
    }

    /**
     * A saved or restored version of a project: {@code sync:update} to the user's connections except
     * {@code origin} (the connection that saved it; null for a restore).
     */
    public void contentChanged(
            String userId, UUID projectId, int version, String origin, UUID eventId, Instant occurredAt) {
        if (!sessions.hasUser(userId)) {
            return;
        }
        boolean queued =
                lanes.submit(userId, () -> fetchAndEmit(userId, projectId, version, origin, eventId, occurredAt));
        if (!queued) {
            dropped.increment();
            LOG.warnf("sync:update for project %s dropped: the user's fan-out backlog is full", projectId);
        }
    }

    /** A milestone of the user's project: {@code milestone:reached} to all the user's connections. */
    public void milestoneReached(String userId, UUID projectId, String milestone, int wordCount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId.toString());
        data.put("milestone", milestone);
        data.put("wordCount", wordCount);
        sessions.ofUser(userId).forEach(session -> session.emit("milestone:reached", data));
    }

    /** The account is being deleted or was purged: its connections here are closed. */
    public void accountGone(String userId) {
        sessions.closeUser(
                userId, s -> true, SyncSessions.CLOSE_GONE, "ACCOUNT_DELETED", "This account is being deleted");
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
            ContentClient.Reply reply,
            String userId,
            String projectId,
            int version,
            String origin,
            Instant occurredAt) {
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
        Map<String, Object> full = SyncMessages.update(projectId, stored);
        boolean wanted = targets.stream().anyMatch(SyncSession::patches);
        Map<String, Object> patched = patches.update(projectId, full, wanted);
        targets.forEach(session -> session.emit("sync:update", patched != null && session.patches() ? patched : full));
        if (occurredAt != null) {
            Duration elapsed = Duration.between(occurredAt, Instant.now());
            fanOutTimer.record(elapsed.isNegative() ? Duration.ZERO : elapsed); // clocks of two hosts
        }
    }

    private List<SyncSession> targets(String userId, String origin) {
        return sessions.ofUser(userId).stream()
                .filter(s -> !s.id().equals(origin))
                .toList();
    }
}
