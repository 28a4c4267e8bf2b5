package com.writerstree.gateway.domain.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.gateway.client.ContentClient;
import com.writerstree.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Delivery of a user's content events to this replica's sockets of that user (the Kafka consumers in
 * {@code events/} decide which events reach here):
 *
 * <ul>
 *   <li>{@code sync:update} of a save made on a socket: pushed by the replica that saved it on the user's Redis
 *       channel (the saved text, or the device's patch, which is applied here to the previous text this replica
 *       holds: {@link #pushed}); nothing is read. Its content event is only a fallback: it is looked at after
 *       {@code gateway.ws.push-grace}, and costs a read only if no push delivered that version (a lost push);
 *   <li>{@code sync:update} of anything else (a REST save, a restore, a lost push): the text is read from content-service's internal route with the service credential
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
    private final Counter pushesApplied;
    private final Counter pushesMissed;
    private final Vertx vertx;

    FanOut(
            SyncSessions sessions,
            ContentClient content,
            PatchCache patches,
            GatewayConfig config,
            MeterRegistry registry,
            Vertx vertx) {
        this.vertx = vertx;
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
        this.pushesApplied = Counter.builder("sync_pushes_total")
                .tag("outcome", "delivered")
                .description("Saves pushed by the saving replica on the user's channel: delivered here without a read")
                .register(registry);
        this.pushesMissed = Counter.builder("sync_pushes_total")
                .tag("outcome", "no_base")
                .description("Pushed patches whose base text this replica did not hold (the content event reads it)")
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
        long grace = config.ws().pushGrace().toMillis();
        if (origin != null && grace > 0) {
            // saved on a socket: its replica pushes it; this is the fallback, and usually finds the version known
            vertx.setTimer(
                    grace,
                    id -> queue(
                            userId,
                            projectId,
                            () -> fetchAndEmit(userId, projectId, version, origin, eventId, occurredAt)));
        } else {
            queue(userId, projectId, () -> fetchAndEmit(userId, projectId, version, origin, eventId, occurredAt));
        }
    }

    /**
     * A save pushed on the user's channel by the replica that made it ({@code UserChannels}): {@code {origin,
     * projectId, version, wordCount, updatedAt}} with {@code content} (the saved text) or {@code patch} +
     * {@code baseVersion} (the device's patch; applied here to the base text when this replica holds it, otherwise
     * left to the content event's read). The user's lane keeps pushes and reads in order.
     */
    public void pushed(String userId, JsonNode message) {
        String projectId = message.path("projectId").asText("");
        if (!sessions.hasUser(userId) || !SyncMessages.isProjectId(projectId)) {
            return;
        }
        queue(userId, projectId, () -> {
            deliverPushed(userId, projectId, message);
            return Uni.createFrom().voidItem();
        });
    }

    private void queue(String userId, Object projectId, Supplier<Uni<Void>> task) {
        if (!lanes.submit(userId, task)) {
            dropped.increment();
            LOG.warnf("sync:update for project %s dropped: the user's fan-out backlog is full", projectId);
        }
    }

    private void deliverPushed(String userId, String projectId, JsonNode message) {
        int version = message.path("version").asInt(-1);
        if (version < 0 || patches.knownVersion(projectId) >= version) {
            return; // a newer text went out already
        }
        String text =
                message.path("content").isTextual() ? message.get("content").asText() : null;
        if (text == null && message.path("baseVersion").isInt()) {
            String base = patches.textOf(projectId, message.get("baseVersion").asInt());
            text = base == null ? null : TextDiff.apply(base, message.get("patch"));
        }
        if (text == null) {
            pushesMissed.increment(); // the content event's read delivers it
            return;
        }
        pushesApplied.increment();
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("projectId", projectId);
        full.put("content", text);
        full.put("wordCount", message.path("wordCount").asInt());
        full.put("version", version);
        full.put("updatedAt", message.path("updatedAt").asText(null));
        List<SyncSession> targets = targets(userId, message.path("origin").asText(null));
        boolean wanted = targets.stream().anyMatch(SyncSession::patches);
        Map<String, Object> patched = patches.update(projectId, full, wanted); // kept even with nobody to tell
        targets.forEach(session -> session.emit("sync:update", patched != null && session.patches() ? patched : full));
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
