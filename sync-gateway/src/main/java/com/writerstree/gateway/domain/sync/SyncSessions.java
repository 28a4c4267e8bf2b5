package com.writerstree.gateway.domain.sync;

import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.limits.ConnectionCap;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The sync connections open on this replica (both transports), by connection id and by user, plus the housekeeping
 * timer: unauthenticated sessions closed after {@code gateway.ws.auth-timeout}, silent ones after
 * {@code gateway.ws.idle-timeout}, expired tokens closed at their {@code exp}, WebSocket pings, and the heartbeat of
 * this replica's entries in the per-user connection cap.
 */
@ApplicationScoped
public class SyncSessions {

    /** Close codes (4000-4999 are the application's): authentication failed / revoked / expired; idle. */
    public static final int CLOSE_AUTH = 4401;

    public static final int CLOSE_IDLE = 4408;
    public static final int CLOSE_GONE = 4410;
    /** RFC 6455 "going away": this replica is stopping; reconnect (to another replica) and resume. */
    public static final int CLOSE_GOING_AWAY = 1001;

    private static final Logger LOG = Logger.getLogger(SyncSessions.class);

    private final GatewayConfig config;

    private final Vertx vertx;

    private final MeterRegistry registry;

    private final ConnectionCap cap;

    SyncSessions(GatewayConfig config, Vertx vertx, MeterRegistry registry, ConnectionCap cap) {
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
        this.cap = cap;
    }

    private final Map<String, SyncSession> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<SyncSession>> byUser = new ConcurrentHashMap<>();
    private volatile Consumer<String> presence = user -> {};
    private long timer = -1;
    private long lastPing = System.currentTimeMillis();
    private long lastCapRefresh = System.currentTimeMillis();

    void start(@Observes StartupEvent ignored) {
        Gauge.builder("active_websocket_connections", byId, m -> count(m, "ws"))
                .description("Open /ws/sync connections on this gateway replica")
                .register(registry);
        Gauge.builder("active_socketio_connections", byId, m -> count(m, "socket.io"))
                .description("Open Socket.IO (/socket.io/) sessions on this gateway replica")
                .register(registry);
        timer = vertx.setPeriodic(1000, id -> sweep());
    }

    private static double count(Map<String, SyncSession> sessions, String kind) {
        return sessions.values().stream()
                .filter(s -> kind.equals(s.transport().kind()))
                .count();
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * A stop begins (Quarkus' pre-shutdown phase, {@code quarkus.shutdown.delay-enabled}: before it waits for the HTTP
     * requests in flight): every connection is told to go away, so that devices reconnect to another replica at once
     * instead of seeing their socket cut (1006) or their long-poll hold the stop for up to its timeout.
     */
    public void goingAway(@Observes ShutdownDelayInitiatedEvent ignored) {
        List<SyncSession> open = List.copyOf(byId.values());
        for (SyncSession session : open) {
            closed(session.id());
            try {
                session.transport().goAway();
            } catch (RuntimeException e) {
                LOG.debugf("Going away failed on %s: %s", session.id(), e.toString());
            }
        }
        LOG.infof("Stopping: %d sync connection(s) asked to reconnect elsewhere", open.size());
    }

    void opened(SyncSession session) {
        byId.put(session.id(), session);
    }

    public SyncSession get(String connectionId) {
        return byId.get(connectionId);
    }

    void authenticated(SyncSession session) {
        byUser.computeIfAbsent(session.userId(), u -> ConcurrentHashMap.newKeySet())
                .add(session);
        presence.accept(session.userId());
    }

    /**
     * {@code listener} is told a user's id after each connection of that user is added or removed here (it reads
     * {@link #hasUser} to know which); one listener, the user channels' subscriptions.
     */
    public void onPresence(Consumer<String> listener) {
        this.presence = listener;
    }

    void closed(String connectionId) {
        SyncSession session = byId.remove(connectionId);
        if (session != null && session.userId() != null) {
            byUser.computeIfPresent(session.userId(), (u, set) -> {
                set.remove(session);
                return set.isEmpty() ? null : set;
            });
            cap.release(session.userId(), session.id());
            presence.accept(session.userId());
        }
    }

    /** Whether this replica holds a connection of the user (cheap: no copy). */
    public boolean hasUser(String userId) {
        Set<SyncSession> set = userId == null ? null : byUser.get(userId);
        return set != null && !set.isEmpty();
    }

    public Collection<SyncSession> ofUser(String userId) {
        Set<SyncSession> set = userId == null ? null : byUser.get(userId);
        return set == null ? List.of() : List.copyOf(set);
    }

    int size() {
        return byId.size();
    }

    /** Sends an {@code error} event, then closes the connection with {@code code}. */
    void closeWith(SyncSession session, int code, String errorCode, String message) {
        closeWith(session, code, SyncService.errorData(errorCode, message, null));
    }

    void closeWith(SyncSession session, int code, Map<String, Object> error) {
        session.emit("error", error);
        Object message = error.get("message");
        session.transport().terminate(code, message == null ? "" : message.toString());
    }

    /** Closes every local connection of {@code userId} matching {@code which}. */
    public int closeUser(String userId, Predicate<SyncSession> which, int code, String errorCode, String message) {
        int closed = 0;
        for (SyncSession session : ofUser(userId)) {
            if (which.test(session)) {
                closed(session.id());
                closeWith(session, code, errorCode, message);
                closed++;
            }
        }
        return closed;
    }

    private void sweep() {
        long now = System.currentTimeMillis();
        long authTimeout = config.ws().authTimeout().toMillis();
        long idleTimeout = config.ws().idleTimeout().toMillis();
        for (SyncSession session : byId.values()) {
            SyncSession.Identity identity = session.identity();
            if (identity == null) {
                if (now - session.openedAt > authTimeout) {
                    closed(session.id());
                    closeWith(
                            session,
                            CLOSE_AUTH,
                            "AUTHENTICATION_REQUIRED",
                            "Authenticate within " + config.ws().authTimeout().toSeconds() + " s of connecting");
                }
            } else if (identity.expiresAt() > 0 && now / 1000 >= identity.expiresAt()) {
                closed(session.id());
                closeWith(session, CLOSE_AUTH, "TOKEN_EXPIRED", "Your session has expired");
            } else if (now - session.lastSeen > idleTimeout) {
                closed(session.id());
                closeWith(
                        session,
                        CLOSE_IDLE,
                        "IDLE_TIMEOUT",
                        "No message for " + config.ws().idleTimeout().toSeconds() + " s");
            }
        }
        if (now - lastPing >= config.ws().pingInterval().toMillis()) {
            lastPing = now;
            byId.values().forEach(s -> s.transport().heartbeat());
        }
        if (now - lastCapRefresh >= SyncService.CAP_STALE.toMillis() / 3) {
            lastCapRefresh = now;
            Map<String, List<String>> ids = new HashMap<>();
            byUser.forEach((user, set) ->
                    ids.put(user, set.stream().map(SyncSession::id).toList()));
            ids.forEach((user, list) -> cap.refresh(user, list, SyncService.CAP_STALE));
        }
    }
}
