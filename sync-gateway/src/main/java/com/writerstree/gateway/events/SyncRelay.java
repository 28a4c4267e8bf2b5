package com.writerstree.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.writerstree.gateway.domain.auth.Revocations;
import com.writerstree.gateway.domain.sync.SyncMessages;
import com.writerstree.gateway.domain.sync.SyncSession;
import com.writerstree.gateway.domain.sync.SyncSessions;
import com.writerstree.platform.redis.DurableSubscription;
import com.writerstree.platform.security.RevocationKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Redis pub/sub between gateway replicas: {@code sync:relay} carries ephemeral device-to-device events (cursors)
 * to the user's connections on every replica; {@code auth:revocations} (published by identity-service) closes
 * revoked sessions' sockets on this replica.
 */
@ApplicationScoped
public class SyncRelay {

    public static final String RELAY_CHANNEL = "sync:relay";
    private static final Logger LOG = Logger.getLogger(SyncRelay.class);

    private final ReactiveRedisDataSource redis;

    private final SyncSessions sessions;

    SyncRelay(ReactiveRedisDataSource redis, SyncSessions sessions) {
        this.redis = redis;
        this.sessions = sessions;
    }

    void start(@Observes StartupEvent ignored, Vertx vertx) {
        // subscribed again after a Redis restart (the client would not do it by itself)
        DurableSubscription.start(redis, vertx, RELAY_CHANNEL, this::onRelay);
        DurableSubscription.start(redis, vertx, RevocationKeys.CHANNEL, this::onRevocation);
    }

    /** Sends {@code event} to the user's connections on every replica except {@code originConnection}. */
    public void publish(String userId, String originConnection, String event, Map<String, Object> data) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("userId", userId);
        message.put("origin", originConnection);
        message.put("event", event);
        message.put("data", data);
        redis.pubsub(String.class)
                .publish(
                        RELAY_CHANNEL,
                        SyncMessages.mapper().valueToTree(message).toString())
                .subscribe()
                .with(ok -> {}, f -> LOG.warnf("Relay publish failed: %s", f.toString()));
    }

    void onRelay(String payload) {
        try {
            JsonNode message = SyncMessages.mapper().readTree(payload);
            String userId = message.path("userId").asText(null);
            String origin = message.path("origin").asText(null);
            String event = message.path("event").asText();
            JsonNode data = message.path("data");
            for (SyncSession session : sessions.ofUser(userId)) {
                if (!session.id().equals(origin)) {
                    session.emit(event, data);
                }
            }
        } catch (Exception e) {
            LOG.warnf("Unreadable relay message ignored: %s", e.toString());
        }
    }

    void onRevocation(String payload) {
        try {
            JsonNode message = SyncMessages.mapper().readTree(payload);
            String userId = message.path("userId").asText(null);
            String jti = message.path("jti").isTextual() ? message.get("jti").asText() : null;
            Long before = message.path("revokedBefore").isNumber()
                    ? message.get("revokedBefore").asLong()
                    : null;
            int closed = sessions.closeUser(
                    userId,
                    session -> {
                        SyncSession.Identity identity = session.identity();
                        return identity != null
                                && Revocations.isRevoked(
                                        jti != null && jti.equals(identity.jti()) ? "1" : null,
                                        before == null ? null : before.toString(),
                                        identity.issuedAt());
                    },
                    SyncSessions.CLOSE_AUTH,
                    "INVALID_TOKEN",
                    Revocations.MESSAGE);
            if (closed > 0) {
                LOG.infof("Closed %d WebSocket(s) of user %s after a revocation", closed, userId);
            }
        } catch (Exception e) {
            LOG.warnf("Unreadable revocation message ignored: %s", e.toString());
        }
    }
}
