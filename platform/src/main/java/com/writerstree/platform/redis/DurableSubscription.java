package com.writerstree.platform.redis;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A Redis pub/sub subscription that survives Redis restarts. A subscription lives on its own connection; when Redis
 * goes away the connection ends and the client does not subscribe again by itself (the subscriber would silently
 * hear nothing more, quarkusio/quarkus#33418). This one subscribes again, every {@code retry} until it succeeds,
 * when the connection ends or fails, and when the first subscription fails (Redis down at start-up). Messages
 * published while nobody was subscribed are lost (pub/sub keeps nothing): users of a channel must not depend on
 * every message.
 */
public final class DurableSubscription {

    private static final Logger LOG = Logger.getLogger(DurableSubscription.class);

    private final ReactiveRedisDataSource redis;
    private final Vertx vertx;
    private final String channel;
    private final Consumer<String> onMessage;
    private final Duration retry;
    private volatile boolean stopped;
    /** Lost and not subscribed again yet: retries log at debug level only, the recovery at info level. */
    private volatile boolean lost;

    private DurableSubscription(
            ReactiveRedisDataSource redis, Vertx vertx, String channel, Consumer<String> onMessage, Duration retry) {
        this.redis = redis;
        this.vertx = vertx;
        this.channel = channel;
        this.onMessage = onMessage;
        this.retry = retry;
    }

    /** Subscribes {@code onMessage} to {@code channel} now, and again after every loss of the connection. */
    public static DurableSubscription start(
            ReactiveRedisDataSource redis, Vertx vertx, String channel, Consumer<String> onMessage) {
        DurableSubscription subscription =
                new DurableSubscription(redis, vertx, channel, onMessage, Duration.ofSeconds(1));
        subscription.subscribe();
        return subscription;
    }

    /** No new subscription after this (the current one ends with the application). */
    public void stop() {
        stopped = true;
    }

    private void subscribe() {
        if (stopped) {
            return;
        }
        // one retry per attempt, whichever of end, exception or failure comes first
        AtomicBoolean retried = new AtomicBoolean();
        Consumer<String> again = why -> {
            if (!stopped && retried.compareAndSet(false, true)) {
                if (lost) {
                    LOG.debugf("Redis subscription to %s still lost (%s); retrying", channel, why);
                } else {
                    lost = true;
                    LOG.warnf(
                            "Redis subscription to %s lost (%s); subscribing again every %d ms",
                            channel, why, retry.toMillis());
                }
                vertx.setTimer(retry.toMillis(), id -> subscribe());
            }
        };
        redis.pubsub(String.class)
                .subscribe(
                        channel,
                        onMessage,
                        () -> again.accept("connection ended"),
                        failure -> again.accept(failure.getClass().getSimpleName()))
                .subscribe()
                .with(
                        subscriber -> {
                            if (lost) {
                                lost = false;
                                LOG.infof("Subscribed to %s again", channel);
                            } else {
                                LOG.debugf("Subscribed to %s", channel);
                            }
                        },
                        failure -> again.accept(
                                "subscribe failed: " + failure.getClass().getSimpleName()));
    }
}
