package com.writerstree.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.writerstree.gateway.config.GatewayConfig;
import com.writerstree.gateway.domain.sync.FanOut;
import com.writerstree.gateway.domain.sync.SyncMessages;
import com.writerstree.gateway.domain.sync.SyncSessions;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Per-user Redis channels ({@code sync:user:<userId>}) between gateway replicas: the replica that saved a device's
 * text publishes it on its user's channel ({@link #publish}); a replica is subscribed to a user's channel only while
 * it holds a connection of that user, so what it receives follows its own sockets, not the total traffic (a replica
 * without the user's sockets never sees the message). One subscriber connection per replica carries every channel;
 * users come and go with {@code SUBSCRIBE}/{@code UNSUBSCRIBE} on it, in the order their connections open and close.
 * When the connection is lost (Redis restarted), it is opened again every second and every current user subscribed
 * again; pushes published meanwhile are lost, and the content event's read-back ({@link FanOut}) delivers them.
 *
 * <p>A message is {@code <instance id of the publishing replica>\n<JSON>}: the publishing replica delivers to its own
 * sockets directly and skips its own message by that prefix, without decoding or parsing the text again.
 *
 * <p>The messages carry manuscript text (or a device's patch) through Redis, which keeps nothing of pub/sub; they are
 * never logged.
 */
@ApplicationScoped
public class UserChannels {

    public static final String PREFIX = "sync:user:";
    private static final Logger LOG = Logger.getLogger(UserChannels.class);

    private final Redis redis;
    private final ReactiveRedisDataSource data;
    private final SyncSessions sessions;
    private final FanOut fanOut;
    private final Vertx vertx;
    private final String self;
    private final byte[] selfPrefix;

    /** Users whose channel this replica wants (guarded by this). */
    private final Set<String> subscribed = new HashSet<>();
    /** The subscriber connection, null while (re)connecting (guarded by this). */
    private RedisConnection connection;

    private volatile boolean stopped;
    private volatile boolean lost;

    UserChannels(
            Redis redis,
            ReactiveRedisDataSource data,
            SyncSessions sessions,
            FanOut fanOut,
            Vertx vertx,
            GatewayConfig config) {
        this.self = config.instanceId();
        this.selfPrefix = (self + "\n").getBytes(StandardCharsets.UTF_8);
        this.redis = redis;
        this.data = data;
        this.sessions = sessions;
        this.fanOut = fanOut;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ignored) {
        sessions.onPresence(this::presence);
        connect();
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopped = true;
        synchronized (this) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    /**
     * Delivers a save's message to this replica's sockets of the user and publishes it on the user's channel for
     * the other replicas (fire and forget: a lost push is read back later).
     */
    public void publish(String userId, ObjectNode message) {
        fanOut.pushed(userId, message);
        data.pubsub(String.class)
                .publish(PREFIX + userId, self + "\n" + message)
                .subscribe()
                .with(
                        ok -> {},
                        f -> LOG.debugf(
                                "Push on a user channel failed: %s",
                                f.getClass().getSimpleName()));
    }

    /** Whether this replica is subscribed to the user's channel (for tests and health). */
    public synchronized boolean subscribedTo(String userId) {
        return subscribed.contains(userId) && connection != null;
    }

    /** A user's first connection here opened, or the last one closed: subscribe or unsubscribe the channel. */
    synchronized void presence(String userId) {
        boolean wanted = sessions.hasUser(userId);
        if (wanted && subscribed.add(userId)) {
            send(Command.SUBSCRIBE, userId);
        } else if (!wanted && subscribed.remove(userId)) {
            send(Command.UNSUBSCRIBE, userId);
        }
    }

    private void send(Command command, String userId) {
        RedisConnection current = connection;
        if (current == null) {
            return; // subscribed from the set when the connection is back
        }
        current.send(Request.cmd(command).arg(PREFIX + userId))
                .onFailure(f -> lostConnection(
                        current, command + " failed: " + f.getClass().getSimpleName()));
    }

    private void connect() {
        if (stopped) {
            return;
        }
        redis.connect()
                .onSuccess(conn -> {
                    conn.handler(this::onMessage);
                    conn.endHandler(v -> lostConnection(conn, "connection ended"));
                    conn.exceptionHandler(e -> lostConnection(conn, e.getClass().getSimpleName()));
                    List<String> users;
                    synchronized (this) {
                        connection = conn;
                        users = List.copyOf(subscribed);
                        users.forEach(user -> send(Command.SUBSCRIBE, user));
                    }
                    if (lost) {
                        lost = false;
                        LOG.infof("User channels subscribed again (%d users)", users.size());
                    }
                })
                .onFailure(e -> retry("connect failed: " + e.getClass().getSimpleName()));
    }

    private void lostConnection(RedisConnection conn, String why) {
        synchronized (this) {
            if (connection != conn) {
                return; // an older connection, already replaced
            }
            connection = null;
        }
        conn.close();
        retry(why);
    }

    private void retry(String why) {
        if (stopped) {
            return;
        }
        if (!lost) {
            lost = true;
            LOG.warnf("User channels lost (%s); connecting again every second", why);
        }
        vertx.setTimer(1000, id -> connect());
    }

    private void onMessage(Response response) {
        try {
            if (response == null
                    || response.size() < 3
                    || !"message".equals(response.get(0).toString())) {
                return; // subscribe/unsubscribe confirmations
            }
            String channel = response.get(1).toString();
            byte[] payload = response.get(2).toBytes();
            if (!channel.startsWith(PREFIX)
                    || (payload.length >= selfPrefix.length
                            && Arrays.equals(payload, 0, selfPrefix.length, selfPrefix, 0, selfPrefix.length))) {
                return; // not a user channel, or this replica's own message (delivered here when published)
            }
            int newline = 0;
            while (newline < payload.length && payload[newline] != '\n') {
                newline++;
            }
            if (newline == payload.length) {
                throw new IllegalArgumentException("no publisher prefix");
            }
            JsonNode message = SyncMessages.mapper().readTree(payload, newline + 1, payload.length - newline - 1);
            fanOut.pushed(channel.substring(PREFIX.length()), message);
        } catch (Exception e) {
            LOG.warnf(
                    "Unreadable user channel message ignored: %s", e.getClass().getSimpleName());
        }
    }
}
