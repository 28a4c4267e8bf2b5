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
    private final Runnable onSubscribed;
    private final Duration retry;
    private volatile boolean stopped;
    /** Lost and not subscribed again yet: retries log at debug level only, the recovery at info level. */
    private volatile boolean lost;
    /** Subscribed now: messages published from now on reach {@code onMessage}. */
    private volatile boolean live;

    private DurableSubscription(
            ReactiveRedisDataSource redis,
            Vertx vertx,
            String channel,
            Consumer<String> onMessage,
            Runnable onSubscribed,
            Duration retry) {
        this.redis = redis;
        this.vertx = vertx;
        this.channel = channel;
        this.onMessage = onMessage;
        this.onSubscribed = onSubscribed;
        this.retry = retry;
    }

    /** Subscribes {@code onMessage} to {@code channel} now, and again after every loss of the connection. */
    public static DurableSubscription start(
            ReactiveRedisDataSource redis, Vertx vertx, String channel, Consumer<String> onMessage) {
        return start(redis, vertx, channel, onMessage, () -> {});
    }

    /**
     * As {@link #start(ReactiveRedisDataSource, Vertx, String, Consumer)}; {@code onSubscribed} runs each time the
     * subscription is in place (first and again), before {@link #live()} turns true: what was derived from messages
     * that may have been missed while it was lost can be dropped there.
     */
    public static DurableSubscription start(
            ReactiveRedisDataSource redis,
            Vertx vertx,
            String channel,
            Consumer<String> onMessage,
            Runnable onSubscribed) {
        DurableSubscription subscription =
                new DurableSubscription(redis, vertx, channel, onMessage, onSubscribed, Duration.ofSeconds(1));
        subscription.subscribe();
        return subscription;
    }

    /**
     * Whether the subscription is in place: false before the first one succeeds and from the moment its connection
     * is seen lost until it is taken again (messages of that time are not delivered).
     */
    public boolean live() {
        return live;
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
            if (!retried.compareAndSet(false, true)) {
                return;
            }
            live = false;
            if (!stopped) {
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
                            onSubscribed.run();
                            live = true;
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
