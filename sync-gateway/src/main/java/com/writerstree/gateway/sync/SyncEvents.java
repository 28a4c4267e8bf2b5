package com.writerstree.gateway.sync;

import com.writerstree.platform.event.ContentEvents;
import com.writerstree.platform.event.DomainEvent;
import com.writerstree.platform.event.EventCodec;
import com.writerstree.platform.event.UserEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Fan-out to this replica's sockets. Every replica consumes {@code content-events} and {@code user-events} with a
 * group id of its own ({@code sync-gateway-<uuid>}, latest offsets), so every replica sees every event; events of
 * users without a local connection are dropped at once. Nothing is stored: a missed event is repaired by
 * {@code sync:resume}.
 */
@ApplicationScoped
public class SyncEvents {

    private static final Logger LOG = Logger.getLogger(SyncEvents.class);

    @Inject
    SyncSessions sessions;

    @Inject
    ContentSync content;

    @Inject
    PatchCache patches;

    @Inject
    com.writerstree.gateway.limits.RateLimiter limits;

    @Incoming("content-events-in")
    @Blocking(ordered = true)
    public void onContentEvent(String json) {
        Optional<DomainEvent> decoded;
        try {
            decoded = EventCodec.decode(json);
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
        Collection<SyncSession> local = sessions.ofUser(event.userId().toString());
        if (local.isEmpty()) {
            return;
        }
        if (event instanceof ContentEvents.ContentSaved saved) {
            fanOutContent(local, saved.projectId(), saved.version(), saved.origin(), saved.eventId());
        } else if (event instanceof ContentEvents.VersionRestored restored) {
            fanOutContent(local, restored.projectId(), restored.version(), null, restored.eventId());
        } else if (event instanceof ContentEvents.MilestoneReached milestone) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("projectId", milestone.projectId().toString());
            data.put("milestone", milestone.milestone());
            data.put("wordCount", milestone.wordCount());
            local.forEach(session -> session.emit("milestone:reached", data));
        }
    }

    private void fanOutContent(
            Collection<SyncSession> local, UUID projectId, int version, String origin, UUID eventId) {
        List<SyncSession> targets =
                local.stream().filter(s -> !s.id().equals(origin)).toList();
        if (targets.isEmpty()) {
            return;
        }
        // the text is fetched once per event, with the token of one of the user's connections
        ContentSync.Reply reply =
                content.read(targets.get(0).identity().token(), projectId.toString(), "evt-" + eventId);
        if (reply.status() != 200) {
            LOG.warnf("sync:update for project %s skipped: content-service answered %d", projectId, reply.status());
            return;
        }
        var stored = reply.data().path("content");
        if (stored.path("version").asInt() < version) {
            return; // not visible yet; a newer event follows
        }
        Map<String, Object> full = ContentSync.update(projectId.toString(), stored);
        boolean wanted = targets.stream().anyMatch(SyncSession::patches);
        Map<String, Object> patched = patches.update(projectId.toString(), full, wanted);
        targets.forEach(session -> session.emit("sync:update", patched != null && session.patches() ? patched : full));
    }
}
